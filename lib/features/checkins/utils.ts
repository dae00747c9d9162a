// Week arithmetic on calendar dates ("YYYY-MM-DD") in a cohort's time zone.
// Calendar dates are handled as UTC midnights so the server's own TZ never leaks in;
// only `localDate` looks at a zone, through Intl (no date library).
import type { WeeklyRuleCheck } from "@/lib/features/checkins/types";

const DAY_MS = 24 * 3600 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cohort's zone if Intl knows it, else UTC: a bad value in the database must not take the page down. */
export function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

function dateFormatter(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: safeTimeZone(timeZone),
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = dateFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A `@db.Date` value (UTC midnight) as a calendar date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date as the UTC midnight Prisma stores in a `@db.Date` column. */
export function dateOnly(isoDateString: string): Date {
  return new Date(`${isoDateString}T00:00:00Z`);
}

export function addDays(isoDateString: string, days: number): string {
  return isoDate(new Date(dateOnly(isoDateString).getTime() + days * DAY_MS));
}

/** Monday of the week a calendar date belongs to (weeks are Monday-based, ISO 8601). */
export function weekStartOf(isoDateString: string): string {
  const weekday = (dateOnly(isoDateString).getUTCDay() + 6) % 7;
  return addDays(isoDateString, -weekday);
}

/** Monday of the week an instant falls in, as the cohort's clock on the wall sees it. */
export function weekOf(instant: Date, timeZone: string): string {
  return weekStartOf(localDate(instant, timeZone));
}

/** Every Monday from `first` to `last`, oldest first; empty when `last` is before `first`. */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStartOf(first); week <= last; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/**
 * Consecutive weeks meeting the rule, counting back from the last complete week; the current week
 * adds one once it is met, and never breaks the streak while it is still running.
 */
export function streakLength(metWeeks: ReadonlySet<string>, currentWeek: string, firstWeek: string): number {
  let streak = metWeeks.has(currentWeek) && currentWeek >= firstWeek ? 1 : 0;
  for (let week = addDays(currentWeek, -7); week >= firstWeek && metWeeks.has(week); week = addDays(week, -7)) {
    streak += 1;
  }
  return streak;
}

const rangeFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Jan 4 – 10, 2027" for the week starting on `weekStart`. */
export function formatWeekRange(weekStart: string): string {
  return rangeFormat.formatRange(dateOnly(weekStart), dateOnly(addDays(weekStart, 6)));
}

export function formatDay(isoDateString: string): string {
  return rangeFormat.format(dateOnly(isoDateString));
}

/** An instant on the cohort's clock, e.g. "Jan 12, 2027, 14:05". */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: safeTimeZone(timeZone),
  }).format(new Date(iso));
}

/**
 * The weekly rule, in one place: a week meets it with at least one piece of evidence
 * (an attempt that was not withdrawn) or one completed milestone in that week.
 */
export function weeklyRuleCheck(evidence: number, completed: number): WeeklyRuleCheck {
  return { met: evidence + completed > 0, evidence, completed };
}
