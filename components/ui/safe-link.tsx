import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/cn";
import { userLinkAttributes } from "@/lib/safe-url";

export type SafeLinkProps = Omit<ComponentProps<"a">, "href" | "target" | "rel" | "children"> & {
  /** Any user-supplied address; only absolute http(s) links become anchors. */
  href: string | null | undefined;
  children: ReactNode;
};

/** What a screen reader hears after every link SafeLink opens in a new tab. */
export const NEW_TAB_HINT = " (opens in a new tab)";

/**
 * The only way user-supplied links reach the page (docs/security.md #16). The protocol is checked again here, whatever
 * was validated on the way in; an unsafe address keeps its text but loses the link.
 */
export function SafeLink({ href, children, className, ...anchorProps }: SafeLinkProps) {
  const link = userLinkAttributes(href);
  if (!link) return <span className={className}>{children}</span>;
  return (
    // `relative` keeps the screen-reader-only text inside the link's box, so a truncated link never widens the page.
    <a {...anchorProps} className={cn("relative", className)} href={link.href} target={link.target} rel={link.rel}>
      {children}
      <span className="sr-only">{NEW_TAB_HINT}</span>
    </a>
  );
}
