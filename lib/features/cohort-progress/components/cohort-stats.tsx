import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { CohortOverview } from "@/lib/features/cohort-progress/types";

function Stat({ label, value, hint, tone }: { label: string; value: ReactNode; hint?: ReactNode; tone?: "danger" }) {
  return (
    <div className="grid content-start gap-0.5 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn("text-2xl leading-8 font-semibold tabular-nums", tone === "danger" && "text-status-danger-fg")}>{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

/** The numbers a mentor looks at first: who is in the cohort, who needs help, what waits for them. */
export function CohortStats({ stats, atRiskHref }: { stats: CohortOverview["stats"]; atRiskHref: string }) {
  return (
    <dl className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat label="Learners" value={stats.learners} />
      <Stat
        label="At risk"
        value={stats.atRisk}
        tone={stats.atRisk > 0 ? "danger" : undefined}
        hint={
          stats.atRisk + stats.watch > 0 ? (
            <>
              {stats.watch > 0 ? `${stats.watch} more to watch · ` : null}
              <Link href={atRiskHref} className="text-accent underline underline-offset-2">
                Show who
              </Link>
            </>
          ) : (
            "Nobody flagged"
          )
        }
      />
      <Stat
        label="Waiting for review"
        value={stats.waiting}
        hint={
          stats.waiting > 0 ? (
            <Link href="/reviews" className="text-accent hover:underline">
              Open the review queue
            </Link>
          ) : (
            "Nothing waiting"
          )
        }
      />
      <Stat label="Average progress" value={`${stats.averagePercent}%`} hint="of the roadmap's milestones" />
    </dl>
  );
}
