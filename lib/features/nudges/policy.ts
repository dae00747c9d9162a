import { daysBetween, type Day } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { NUDGE_STEPS } from "@/lib/features/nudges/constants";

/**
 * Which nudge a learner quiet for `quietDays` is due: 0 (none yet), then 1, 2, 3 at one, two and three times the
 * cohort's inactivity setting.
 */
export function nudgeStep(quietDays: number, inactivityDays: number): number {
  if (inactivityDays <= 0 || quietDays < inactivityDays) return 0;
  return Math.min(NUDGE_STEPS, Math.floor(quietDays / inactivityDays));
}

/**
 * Whether a nudge of one kind at `step` goes out today: only for a step not yet sent since the learner's last
 * activity, and never within `gapDays` calendar days (in the cohort's zone) of the previous nudge of that kind —
 * counted in days, so a job that runs a few minutes earlier one morning does not skip a day.
 */
export function nudgeDue(
  step: number,
  sent: readonly { step: number; at: Date }[],
  { lastActivityAt, today, zone, gapDays }: { lastActivityAt: Date | null; today: Day; zone: string; gapDays: number },
): boolean {
  if (step === 0) return false;
  const sinceActivity = sent.filter((nudge) => !lastActivityAt || nudge.at > lastActivityAt);
  if (sinceActivity.some((nudge) => nudge.step >= step)) return false;
  return !sent.some((nudge) => daysBetween(dayIn(nudge.at, zone), today) < gapDays);
}
