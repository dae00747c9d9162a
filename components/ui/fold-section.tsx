import type { ReactNode } from "react";

/**
 * A titled part of a page that folds behind its title on narrow screens and is always open from `lg` up, where
 * there is room beside the main content. Below `lg` it is a closed `<details>` whose summary reads `summary`
 * (the title with a count, say); from `lg` the summary gives way to an `<h2>` and the content shows without a script.
 * Browsers that cannot style a closed `<details>`'s content keep the summary, so nothing becomes unreachable.
 */
export function FoldSection({ title, summary, className, children }: { title: string; summary: string; className?: string; children: ReactNode }) {
  const headingId = `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className={className}>
      <details className="lg:details-content:[content-visibility:visible]">
        <summary className="cursor-pointer rounded-md text-base font-semibold supports-[selector(::details-content)]:lg:hidden">
          {summary}
        </summary>
        <div className="grid content-start gap-3 pt-3 supports-[selector(::details-content)]:lg:pt-0">
          <h2 id={headingId} className="hidden text-base font-semibold supports-[selector(::details-content)]:lg:block">
            {title}
          </h2>
          {children}
        </div>
      </details>
    </section>
  );
}
