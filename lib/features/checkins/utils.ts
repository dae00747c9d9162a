// Week arithmetic for check-ins, on the days of lib/calendar.ts (weeks start on Monday in the cohort's time zone).
import { addDays, type Day, weekStartOf } from "@/lib/calendar";
import type { WeeklyRuleCheck } from "@/lib/features/checkins/types";

/** Every Monday from `first` to `last`, oldest first; empty when `last` is before `first`. */
export function weeksBetween(first: Day, last: Day): Day[] {
  const weeks: Day[] = [];
  for (let week = weekStartOf(first); week <= last; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/**
 * Consecutive weeks meeting the rule, counting back from the last complete week; the current week
 * adds one once it is met, and never breaks the streak while it is still running.
 */
export function streakLength(metWeeks: ReadonlySet<string>, currentWeek: Day, firstWeek: Day): number {
  let streak = metWeeks.has(currentWeek) && currentWeek >= firstWeek ? 1 : 0;
  for (let week = addDays(currentWeek, -7); week >= firstWeek && metWeeks.has(week); week = addDays(week, -7)) {
    streak += 1;
  }
  return streak;
}

/**
 * The weekly rule, in one place: a week meets it with at least one piece of evidence
 * (an attempt that was not withdrawn) or one completed milestone in that week.
 */
export function weeklyRuleCheck(evidence: number, completed: number): WeeklyRuleCheck {
  return { met: evidence + completed > 0, evidence, completed };
}
