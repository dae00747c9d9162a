// Pacing: dates are calendar days (lib/calendar.ts) so they mean the same day in every time zone; "today" is taken
// in the cohort's time zone by the caller.
import { addDays, type Day, daysBetween } from "@/lib/calendar";

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
