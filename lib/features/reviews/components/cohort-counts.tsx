import Link from "next/link";
import { cn } from "@/lib/cn";
import type { ReviewQueue } from "@/lib/features/reviews/types";
import { queueQuery } from "@/lib/features/reviews/utils";

/** Counts per cohort; each one is also the quickest way to filter the queue to that cohort. */
export function CohortCounts({ queue }: { queue: ReviewQueue }) {
  if (queue.cohorts.length === 0) return null;
  const { cohort: selected, ...rest } = queue.filters;
  return (
    <nav aria-label="Cohorts">
      <ul className="flex flex-wrap gap-2">
        {queue.cohorts.map((cohort) => {
          const current = cohort.id === selected;
          return (
            <li key={cohort.id}>
              <Link
                href={`/reviews${queueQuery(current ? rest : { ...rest, cohort: cohort.id })}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex items-baseline gap-2 rounded-lg border px-3 py-1.5 text-sm transition-colors",
                  current ? "border-accent bg-accent-subtle text-foreground" : "border-border bg-surface hover:bg-surface-muted",
                )}
              >
                <span className="font-medium">{cohort.name}</span>
                <span className="text-muted-foreground tabular-nums">{cohort.waiting} waiting</span>
                {cohort.overdue > 0 ? (
                  <span className="font-medium text-status-danger-fg tabular-nums">{cohort.overdue} overdue</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
