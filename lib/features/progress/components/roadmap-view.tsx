import { FileCheck2, UserCheck } from "lucide-react";
import { Progress } from "@/components/ui/progress";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import type { LearnerRoadmap, RoadmapMilestoneRow } from "@/lib/features/progress/types";

const dateFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function formatDate(isoDate: string) {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

function MilestoneRow({ milestone }: { milestone: RoadmapMilestoneRow }) {
  return (
    <li
      className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-center sm:gap-3"
      data-milestone-key={milestone.key}
    >
      <div className="sm:w-40 sm:shrink-0">
        <StatusBadge status={milestone.status} />
      </div>
      <p className="min-w-0 flex-1 text-sm leading-6 break-words">{milestone.title}</p>
      <div className="flex shrink-0 items-center gap-3 text-xs text-muted-foreground">
        {milestone.evidence === "required" ? (
          <span className="inline-flex items-center gap-1">
            <FileCheck2 aria-hidden className="size-3.5" />
            Evidence
          </span>
        ) : null}
        {milestone.reviewRequired ? (
          <span className="inline-flex items-center gap-1">
            <UserCheck aria-hidden className="size-3.5" />
            Mentor review
          </span>
        ) : null}
        {milestone.effortHours ? <span>{milestone.effortHours} h</span> : null}
      </div>
    </li>
  );
}

export function RoadmapView({ roadmap }: { roadmap: LearnerRoadmap }) {
  return (
    <div className="grid gap-6">
      <Progress
        label="Overall progress"
        value={roadmap.completed}
        max={roadmap.total}
        valueText={`${roadmap.completed} of ${roadmap.total} milestones`}
      />
      <ol className="grid gap-6">
        {roadmap.phases.map((phase, index) => (
          <li key={phase.key}>
            <section aria-labelledby={`phase-${phase.key}`} className="rounded-xl border border-border bg-surface">
              <header className="grid gap-3 border-b border-border px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h2 id={`phase-${phase.key}`} className="text-base font-semibold">
                    <span className="text-muted-foreground">Phase {index + 1}:</span> {phase.title}
                  </h2>
                  <p className="text-xs text-muted-foreground">
                    Target <time dateTime={phase.targetDate}>{formatDate(phase.targetDate)}</time>
                  </p>
                </div>
                <Progress
                  size="sm"
                  hideLabel
                  label={`Phase ${index + 1} progress`}
                  value={phase.completed}
                  max={phase.total}
                  valueText={`${phase.completed} of ${phase.total} milestones`}
                  tone={phase.completed === phase.total ? "success" : "accent"}
                />
                <p className="text-xs text-muted-foreground tabular-nums">
                  {phase.completed} of {phase.total} milestones complete
                </p>
              </header>
              <ul className="divide-y divide-border">
                {phase.milestones.map((milestone) => (
                  <MilestoneRow key={milestone.key} milestone={milestone} />
                ))}
              </ul>
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
