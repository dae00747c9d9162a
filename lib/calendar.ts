// Cairn's one calendar (decision 014), part one: calendar days (YYYY-MM-DD, the branded `Day`) and how a day reads
// (docs/ux.md, "Dates and times"). Days are handled as UTC midnights so the server's own TZ never leaks in. Time zones
// and moments are the second part, lib/calendar-zones.ts: apart, so that a page whose browser code only reads and
// counts days does not carry Intl's clocks and formatters (decision 068). Display strings are put together from
// numeric parts and Cairn's own month names, so the server and every browser write them alike (ICU versions
// disagree on "Sep" and "Sept").

/**
 * A calendar day, "2027-03-12", real and within DAY_RANGE; made only by this module and its input fields
 * (lib/calendar-fields.ts).
 */
export type Day = string & { readonly __brand: "Day" };

const DAY_MS = 24 * 60 * 60 * 1000;
/** YYYY-MM-DD, before checking that the day is real. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * The days Cairn accepts as input (docs/security.md #39). PostgreSQL has no year 0 and JavaScript dates end in year
 * 275760, so anything near either edge is a typo or an attack; a learning programme fits comfortably in between.
 */
export const DAY_RANGE = { min: "1900-01-01", max: "2999-12-31" } as const;
export const DAY_RANGE_MESSAGE = "Pick a date between 1900 and 2999.";

// ---- Days

/** A real calendar day ("2027-02-30" is not), written YYYY-MM-DD, within DAY_RANGE. */
export function isCalendarDay(value: string): value is Day {
  if (!DAY_PATTERN.test(value) || value < DAY_RANGE.min || value > DAY_RANGE.max) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `value` names, or null when it is not a calendar day. */
export function parseDay(value: string): Day | null {
  return isCalendarDay(value) ? value : null;
}

/** A day Cairn wrote itself (a constant, a fixture); a value that is not one is a bug, so it throws. */
export function dayFrom(value: string): Day {
  const day = parseDay(value);
  if (day === null) throw new RangeError(`Not a calendar day: ${JSON.stringify(value)}`);
  return day;
}

/** A `@db.Date` value (stored at UTC midnight) as the day it holds. */
export function dayOfDate(date: Date): Day {
  return date.toISOString().slice(0, 10) as Day;
}

/** The UTC midnight Prisma stores in a `@db.Date` column for `day`. */
export function dateOfDay(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: Day, days: number): Day {
  return dayOfDate(new Date(dateOfDay(day).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dateOfDay(to).getTime() - dateOfDay(from).getTime()) / DAY_MS);
}

/** Monday of the week `day` belongs to (weeks are Monday-based, ISO 8601). */
export function weekStartOf(day: Day): Day {
  return addDays(day, -((dateOfDay(day).getUTCDay() + 6) % 7));
}

// ---- How days and moments read (docs/ux.md, "Dates and times")

function dayParts(day: Day) {
  return { year: day.slice(0, 4), month: MONTHS[Number(day.slice(5, 7)) - 1], date: String(Number(day.slice(8, 10))) };
}

/** "12 Mar 2027". */
export function formatDay(day: Day): string {
  const { year, month, date } = dayParts(day);
  return `${date} ${month} ${year}`;
}

/** "12 Mar": a day on a chart's axis, where the year is in the chart's title or obvious. */
export function formatShortDay(day: Day): string {
  const { month, date } = dayParts(day);
  return `${date} ${month}`;
}

/** The seven days from `weekStart`: "4–10 Jan 2027", "29 Mar – 4 Apr 2027", "28 Dec 2026 – 3 Jan 2027". */
export function formatWeekRange(weekStart: Day): string {
  const first = dayParts(weekStart);
  const last = addDays(weekStart, 6);
  const end = formatDay(last);
  if (first.year !== dayParts(last).year) return `${formatDay(weekStart)} – ${end}`;
  if (first.month !== dayParts(last).month) return `${first.date} ${first.month} – ${end}`;
  return `${first.date}–${end}`;
}
