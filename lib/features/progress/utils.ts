// Pacing: dates are calendar days (lib/calendar.ts) so they mean the same day in every time zone; "today" is taken
// in the cohort's time zone by the caller.
import { addDays, type Day, daysBetween } from "@/lib/calendar";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import type { NextUp, RoadmapMilestoneRow, RoadmapPhaseSection } from "@/lib/features/progress/types";

export type Pacing = { startDate: Day; weeksPerPhase: number; extensionDays: number };

/**
 * Target dates: phase i ends after (i+1) × weeksPerPhase weeks; its milestones are spread
 * evenly over the phase, the last one due on the phase's target. Extensions push every date.
 */
export function targetDates(milestonesPerPhase: number[], pacing: Pacing): { phases: Day[]; milestones: Day[][] } {
  const phaseDays = pacing.weeksPerPhase * 7;
  const phases: Day[] = [];
  const milestones: Day[][] = [];
  milestonesPerPhase.forEach((count, index) => {
    const phaseStart = index * phaseDays;
    phases.push(addDays(pacing.startDate, phaseStart + phaseDays - 1 + pacing.extensionDays));
    milestones.push(
      Array.from({ length: count }, (_, position) =>
        addDays(pacing.startDate, phaseStart + Math.ceil(((position + 1) * phaseDays) / count) - 1 + pacing.extensionDays),
      ),
    );
  });
  return { phases, milestones };
}

export type PaceInput = { target: Day; complete: boolean }[];

export type Pace = {
  /** Milestones whose target date has passed (today included). */
  expected: number;
  completed: number;
  onPace: boolean;
  /** When the learner will finish at their own pace so far; null before any completion or once finished. */
  forecast: Day | null;
};

export function pace(items: PaceInput, startDate: Day, today: Day): Pace {
  const expected = items.filter((item) => item.target <= today).length;
  const completed = items.filter((item) => item.complete).length;
  const remaining = items.length - completed;
  const elapsed = Math.max(1, daysBetween(startDate, today) + 1);
  const forecast = completed > 0 && remaining > 0 ? addDays(today, Math.ceil(remaining / (completed / elapsed))) : null;
  return { expected, completed, onPace: completed >= expected, forecast };
}

export type RoadmapSummary = { completed: number; total: number; pace: Pace; nextUp: NextUp | null };

/**
 * What the roadmap says about the learner's progress as a whole, from the statuses of its milestones: the server
 * renders it, and the roadmap computes it again as the learner ticks (decision 034).
 */
export function roadmapSummary(phases: RoadmapPhaseSection[], startDate: Day, today: Day): RoadmapSummary {
  const all = phases.flatMap((phase) => phase.milestones.map((milestone) => ({ ...milestone, phaseTitle: phase.title })));
  return {
    completed: all.filter((m) => COMPLETE_STATUSES.has(m.status)).length,
    total: all.length,
    pace: pace(
      all.map((m) => ({ target: m.targetDate, complete: COMPLETE_STATUSES.has(m.status) })),
      startDate,
      today,
    ),
    nextUp: nextUp(all),
  };
}

/**
 * "Next up": the first milestone, in roadmap order, that the learner can act on — not
 * complete and not waiting for a mentor. Order is respected, so an earlier phase's
 * leftovers come before anything later.
 */
function nextUp(milestones: (RoadmapMilestoneRow & { phaseTitle: string })[]): NextUp | null {
  const next = milestones.find((m) => !COMPLETE_STATUSES.has(m.status) && m.status !== "submitted");
  return next
    ? {
        key: next.key,
        title: next.title,
        phaseTitle: next.phaseTitle,
        status: next.status,
        targetDate: next.targetDate,
      }
    : null;
}

/**
 * Overdue: the target day on the learner's own schedule has passed (a milestone due today is not overdue yet) and it
 * is still the learner's move. A submitted milestone waits for a mentor, so it is never overdue.
 */
export function isOverdue(milestone: Pick<RoadmapMilestoneRow, "targetDate" | "status">, today: Day): boolean {
  return milestone.targetDate < today && !COMPLETE_STATUSES.has(milestone.status) && milestone.status !== "submitted";
}

/**
 * A phase whose every milestone is complete folds to one line on the roadmap. "Next up" is never complete, so the
 * phase holding it, like every unfinished one, stays open.
 */
export function isPhaseFinished(phase: Pick<RoadmapPhaseSection, "milestones">): boolean {
  return phase.milestones.length > 0 && phase.milestones.every((milestone) => COMPLETE_STATUSES.has(milestone.status));
}
