// Dates as people read them: relative ("2 hours ago") and absolute with the time zone named; and the calendar days
// and instants Cairn accepts as input.
import { z } from "zod";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 weeks ago"… past dates only (clock skew → "just now"). */
export function formatRelativeTime(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < 45 * SECOND) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), "day");
  if (elapsed < 30 * DAY) return relative.format(-Math.floor(elapsed / (7 * DAY)), "week");
  if (elapsed < 365 * DAY) return relative.format(-Math.floor(elapsed / (30 * DAY)), "month");
  return relative.format(-Math.floor(elapsed / (365 * DAY)), "year");
}

/** The absolute date shown on hover, e.g. "12 Mar 2026, 14:05 UTC"; the time zone is named so it is never ambiguous. */
export function formatAbsoluteTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

/**
 * The days Cairn accepts as input (docs/security.md #39). PostgreSQL has no year 0 and JavaScript dates end in year
 * 275760, so anything near either edge is a typo or an attack; a learning programme fits comfortably in between.
 */
export const DAY_RANGE = { min: "1900-01-01", max: "2999-12-31" } as const;
export const DAY_RANGE_MESSAGE = "Pick a date between 1900 and 2999.";

/** A real calendar day ("2027-02-30" is not), written YYYY-MM-DD, within DAY_RANGE. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < DAY_RANGE.min || value > DAY_RANGE.max) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A calendar-day field. `message` is the field's own sentence for "not a date"; a real date outside the range gets
 * the range. Surrounding spaces are ignored.
 */
export function calendarDay(message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message, abort: true })
    .refine((value) => value >= DAY_RANGE.min && value <= DAY_RANGE.max, { error: DAY_RANGE_MESSAGE, abort: true })
    .refine(isCalendarDay, { error: message });
}

/** An ISO 8601 instant in UTC ("…Z", as toISOString writes it), within DAY_RANGE. */
export function instant(message: string) {
  return z.iso
    .datetime({ error: message })
    .refine((value) => isCalendarDay(value.slice(0, 10)), { error: message });
}
