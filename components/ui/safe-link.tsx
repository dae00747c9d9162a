import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/cn";
import { parseHttpUrl } from "@/lib/safe-url";

export type SafeLinkProps = Omit<ComponentProps<"a">, "href" | "target" | "rel" | "children"> & {
  /** Any user-supplied address; only absolute http(s) links become anchors. */
  href: string | null | undefined;
  children: ReactNode;
};

/**
 * The only way user-supplied links reach the page (docs/security.md #16). The protocol is checked again here, whatever
 * was validated on the way in; an unsafe address keeps its text but loses the link.
 */
export function SafeLink({ href, children, className, ...anchorProps }: SafeLinkProps) {
  const url = typeof href === "string" ? parseHttpUrl(href) : null;
  if (!url) return <span className={className}>{children}</span>;
  return (
    // `relative` keeps the screen-reader-only text inside the link's box, so a truncated link never widens the page.
    <a {...anchorProps} className={cn("relative", className)} href={url.href} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
