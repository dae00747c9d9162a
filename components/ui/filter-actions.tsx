import Link from "next/link";
import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * The end of a GET filter form: submit, and a link back to the unfiltered page while a filter is on. A link, not a
 * reset button, because the filters live in the URL and a reset would only restore the values it was loaded with.
 */
export function FilterActions({
  children,
  clearHref,
  clearLabel = "Clear filters",
  size,
  className,
}: {
  /** The submit button's content (an icon and a label). */
  children: ReactNode;
  /** The unfiltered page; omit it when no filter is on. */
  clearHref?: string | undefined;
  clearLabel?: string;
  size?: "sm";
  className?: string;
}) {
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <Button type="submit" variant="secondary" size={size}>
        {children}
      </Button>
      {clearHref ? (
        <Button asChild variant="ghost" size={size}>
          <Link href={clearHref}>{clearLabel}</Link>
        </Button>
      ) : null}
    </div>
  );
}
