import { Clock } from "@/components/ui/icons/clock";
import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import type { LearnerMilestoneView, LearnerPhaseView, LearnerProjectView } from "@/lib/features/cohort-progress/types";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { formatDay } from "@/lib/calendar";

const LIST = "grid divide-y divide-border rounded-lg border border-border bg-surface";

/** One milestone or project: the id the matrix links to (`#m-<key>`), and a link to an attempt waiting for review. */
function ItemRow({ item, today }: { item: LearnerMilestoneView | LearnerProjectView; today: string }) {
  const targetDate = "targetDate" in item ? item.targetDate : null;
  const overdue = targetDate !== null && !COMPLETE_STATUSES.has(item.status) && targetDate < today;
  return (
    <li
      id={`m-${item.key}`}
      className="grid scroll-mt-24 gap-1 px-3 py-2 target:bg-accent-subtle data-highlighted:bg-accent-subtle data-highlighted:outline-2 data-highlighted:-outline-offset-2 data-highlighted:outline-accent sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-3"
    >
      <div className="min-w-0">
        <p className="text-sm break-words">
          <span className="text-muted-foreground tabular-nums">{item.code}</span> {item.title}
        </p>
        {targetDate !== null || item.pending ? (
          <p className="text-xs text-muted-foreground">
            {targetDate !== null ? (
              <>
                {overdue ? "Was due" : "Due"} <time dateTime={targetDate}>{formatDay(targetDate)}</time>
              </>
            ) : null}
            {targetDate !== null && item.pending ? " · " : null}
            {item.pending ? (
              <Link href={`/reviews/${item.pending.submissionId}`} className="inline-flex items-center gap-1 text-accent hover:underline">
                <Clock aria-hidden className="size-3.5" />
                Review attempt {item.pending.attempt}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <StatusBadge status={item.status} />
    </li>
  );
}

/** The learner's roadmap, phase by phase, then their portfolio projects (which have no target date). */
export function LearnerPhases({ phases, projects, today }: { phases: LearnerPhaseView[]; projects: LearnerProjectView[]; today: string }) {
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
          <ul className={LIST}>
            {phase.milestones.map((milestone) => (
              <ItemRow key={milestone.key} item={milestone} today={today} />
            ))}
          </ul>
        </li>
      ))}
      {projects.length > 0 ? (
        <li className="grid gap-3" aria-labelledby="learner-projects">
          <h3 id="learner-projects" className="font-semibold">
            Portfolio projects
          </h3>
          <ul className={LIST}>
            {projects.map((project) => (
              <ItemRow key={project.key} item={project} today={today} />
            ))}
          </ul>
        </li>
      ) : null}
    </ol>
  );
}
