import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * What a missing or out-of-reach page says. It brings no landmark of its own: the page around it decides whether it
 * sits in the app shell's `<main>` or in a `<main>` of its own.
 */
export function NotFoundMessage() {
  return (
    <div className="grid max-w-md gap-3 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-muted-foreground">
        This page does not exist, or you do not have access to it. Check the address, or go back to your home.
      </p>
      <div>
        <Button asChild variant="secondary">
          <Link href="/">Go to my home</Link>
        </Button>
      </div>
    </div>
  );
}
