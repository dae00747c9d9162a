import { Link2Off } from "@/components/ui/icons/link-2-off";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * What a one-time link (an invite, a password reset) shows once it no longer works: the same card for an unknown,
 * expired, used-up or revoked link, so the page says nothing about which it was.
 */
export function DeadLinkCard({ title, description, href, action }: { title: string; description: ReactNode; href: string; action: string }) {
  return (
    <Card>
      <CardHeader>
        <span className="mb-2 flex size-10 items-center justify-center rounded-full bg-surface-muted text-muted-foreground">
          <Link2Off aria-hidden className="size-5" />
        </span>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild variant="secondary" className="w-full">
          <Link href={href}>{action}</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
