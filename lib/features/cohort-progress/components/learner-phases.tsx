import { Clock } from "@/components/ui/icons/clock";
import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import type { LearnerPhaseView } from "@/lib/features/cohort-progress/types";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { formatDay } from "@/lib/calendar";

/**
 * The learner's roadmap, phase by phase. Each milestone row has the id the matrix links to (`#m-<key>`), and an
 * attempt waiting for a decision links to its review screen.
 */
export function LearnerPhases({ phases, today }: { phases: LearnerPhaseView[]; today: string }) {
  return (
    <ol className="grid gap-6">
      {phases.map((phase) => (
        <li key={phase.key} className="grid gap-3" aria-labelledby={`phase-${phase.key}`}>
          <div className="grid gap-2">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <h3 id={`phase-${phase.key}`} className="font-semibold">
                <span className="text-muted-foreground">{phase.number}.</span> {phase.title}
              </h3>
              <p className="text-xs text-muted-foreground">
                Target <time dateTime={phase.targetDate}>{formatDay(phase.targetDate)}</time>
              </p>
            </div>
            <Progress
              size="sm"
              value={phase.completed}
              max={phase.milestones.length}
              label={`Phase ${phase.number} progress`}
              hideLabel
              valueText={`${phase.completed} of ${phase.milestones.length} milestones`}
              tone={phase.completed === phase.milestones.length ? "success" : "accent"}
            />
          </div>
          <ul className="grid divide-y divide-border rounded-lg border border-border bg-surface">
            {phase.milestones.map((milestone) => {
              const overdue = !COMPLETE_STATUSES.has(milestone.status) && milestone.targetDate < today;
              return (
                <li
                  key={milestone.key}
                  id={`m-${milestone.key}`}
                  className="grid scroll-mt-24 gap-1 px-3 py-2 target:bg-accent-subtle data-highlighted:bg-accent-subtle data-highlighted:outline-2 data-highlighted:-outline-offset-2 data-highlighted:outline-accent sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-3"
                >
                  <div className="min-w-0">
                    <p className="text-sm break-words">
                      <span className="text-muted-foreground tabular-nums">{milestone.code}</span> {milestone.title}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {overdue ? "Was due" : "Due"} <time dateTime={milestone.targetDate}>{formatDay(milestone.targetDate)}</time>
                      {milestone.pending ? (
                        <>
                          {" · "}
                          <Link href={`/reviews/${milestone.pending.submissionId}`} className="inline-flex items-center gap-1 text-accent hover:underline">
                            <Clock aria-hidden className="size-3.5" />
                            Review attempt {milestone.pending.attempt}
                          </Link>
                        </>
                      ) : null}
                    </p>
                  </div>
                  <StatusBadge status={milestone.status} />
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
