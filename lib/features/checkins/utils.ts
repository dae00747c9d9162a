// Week arithmetic for check-ins, on the days of lib/calendar.ts (weeks start on Monday in the cohort's time zone).
import { addDays, type Day, weekStartOf } from "@/lib/calendar";
import { WEEKLY_RULE_PARTS, type CloseOutTextField } from "@/lib/features/checkins/constants";
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
 * The weekly rule, in one place (decision 051): a week meets it with at least one piece of evidence (an attempt that
 * was not withdrawn) or one completed milestone in that week. `parts` counts what the week's check-in reports of
 * the rule's learn / build / test / document / review days, shown beside it.
 */
export function weeklyRuleCheck(evidence: number, completed: number, parts = 0): WeeklyRuleCheck {
  return { met: evidence + completed > 0, evidence, completed, parts };
}

/** How many of the weekly rule's parts a check-in's close-out reports (a field with more than blanks). */
export function weeklyRuleParts(closeOut: Readonly<Record<CloseOutTextField, string>> | undefined): number {
  return closeOut ? WEEKLY_RULE_PARTS.filter((part) => closeOut[part].trim() !== "").length : 0;
}
