// Dates as people read them: relative ("2 hours ago") and absolute with the time zone named.

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
