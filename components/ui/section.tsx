import type { ReactNode } from "react";

import { cn } from "@/lib/cn";

/** A titled part of a page: an <h2> that also names the <section> for screen-reader landmarks. */
export function Section({ title, id, className, children }: { title: string; id?: string; className?: string; children: ReactNode }) {
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className={cn("grid content-start gap-3", className)}>
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
