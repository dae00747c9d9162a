import { ArrowLeft } from "@/components/ui/icons/arrow-left";
import { ArrowRight } from "@/components/ui/icons/arrow-right";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

type PagerLink = { href: string; label: string };

/**
 * "Newer / Older" (or "Previous / Next") links under a paginated list: plain links, so paging works without
 * JavaScript and keeps whatever the hrefs carry (filters, cursors). A missing side keeps its place empty.
 */
export function Pager({ previous, next, status, className }: { previous?: PagerLink | null; next?: PagerLink | null; status?: ReactNode; className?: string }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Pages" className={cn("flex flex-wrap items-center justify-between gap-2", className)}>
      {previous ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={previous.href}>
            <ArrowLeft aria-hidden />
            {previous.label}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {status ? <span className="text-sm text-muted-foreground">{status}</span> : null}
      {next ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={next.href}>
            {next.label}
            <ArrowRight aria-hidden />
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
