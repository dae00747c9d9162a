import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
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
    </main>
  );
}
