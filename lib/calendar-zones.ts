// Cairn's one calendar (decision 014), part two: time zones, the day an instant falls on in one, and how moments
// read (docs/ux.md, "Dates and times"). Only these functions look at a zone, through Intl (no date library); calendar
// days and how a day reads are lib/calendar.ts.
import { type Day, daysBetween, formatDay, weekStartOf } from "@/lib/calendar";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Formatters per zone, for zones Intl accepted. Cohort zones are canonicalised when saved, so a handful of keys is
// the norm; the cap only keeps odd spellings from growing the map without end.
const ZONE_CACHE_MAX = 1024;
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(zone: string): Intl.DateTimeFormat | null {
  const cached = clocks.get(zone);
  if (cached) return cached;
  if (zone.trim() === "") return null;
  try {
    const clock = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    if (clocks.size >= ZONE_CACHE_MAX) clocks.clear();
    clocks.set(zone, clock);
    return clock;
  } catch {
    return null;
  }
}

/** Whether Intl knows the zone (IANA names and their aliases); the server and the browser agree on it. */
export function isTimeZone(zone: string): boolean {
  return clockIn(zone) !== null;
}

/** The spelling Intl resolves a known zone to ("utc" → "UTC"); the zone as given when Intl does not know it. */
export function canonicalTimeZone(zone: string): string {
  return clockIn(zone)?.resolvedOptions().timeZone ?? zone;
}

/** A cohort's zone if Intl knows it, else UTC: a bad value in the database must not take the page down. */
export function safeTimeZone(zone: string): string {
  return isTimeZone(zone) ? zone : "UTC";
}

/** The zone of the machine running this code: in a browser, the viewer's own. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zones a cohort can pick, with the current value kept even when Intl lists it under another name. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

type WallClock = { day: Day; time: string };

/** What a clock on the wall in `zone` shows at `instant` (UTC for a zone Intl does not know). */
function wallClock(instant: Date, zone: string): WallClock {
  const parts = (clockIn(zone) ?? clockIn("UTC")!).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}` as Day, time: `${part("hour")}:${part("minute")}` };
}

/** The day an instant falls on in `zone`. */
export function dayIn(instant: Date, zone: string): Day {
  return wallClock(instant, zone).day;
}

/**
 * Where the week stands on the wall in `zone` at `instant`: 1 = Monday … 7 = Sunday, and the hour (0–23). Jobs that
 * speak to people at a local time of day (the Friday check-in reminder, the Monday digest) read it.
 */
export function weekdayAndHourIn(instant: Date, zone: string): { weekday: number; hour: number } {
  const { day, time } = wallClock(instant, zone);
  return { weekday: daysBetween(weekStartOf(day), day) + 1, hour: Number(time.slice(0, 2)) };
}

/** The day it is now in `zone` (e.g. "Pacific/Auckland"). */
export function today(zone: string, now = new Date()): Day {
  return dayIn(now, zone);
}

/** Monday of the week an instant falls in, as the clock on the wall in `zone` sees it. */
export function weekOf(instant: Date, zone: string): Day {
  return weekStartOf(dayIn(instant, zone));
}

// ---- How moments read

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "UTC", "CEST", "GMT+13": the short name of `zone` at `instant`. */
function zoneName(instant: Date, zone: string): string {
  let names = zoneNames.get(zone);
  if (!names) {
    names = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" });
    if (zoneNames.size >= ZONE_CACHE_MAX) zoneNames.clear();
    zoneNames.set(zone, names);
  }
  return names.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? zone;
}

/**
 * A moment on the clock of `zone`: "12 Mar 2027, 14:05". `named` appends the zone's short name
 * ("12 Mar 2027, 14:05 UTC") for moments shown away from their cohort. A zone Intl does not know reads in UTC and
 * always says so.
 */
export function formatMoment(instant: Date | string, zone: string, { named = false }: { named?: boolean } = {}): string {
  const date = new Date(instant);
  const shownZone = safeTimeZone(zone);
  const { day, time } = wallClock(date, shownZone);
  const text = `${formatDay(day)}, ${time}`;
  return named || shownZone !== zone ? `${text} ${zoneName(date, shownZone)}` : text;
}

/** Only the time of a moment that is hours away at most, on the same 24-hour clock: "14:05". */
export function formatClock(instant: Date | string, zone: string): string {
  const shownZone = safeTimeZone(zone);
  const { time } = wallClock(new Date(instant), shownZone);
  return shownZone === zone ? time : `${time} UTC`;
}

/** "2027-01-12 14:05" on the clock of `zone`: sorts as text, for exports such as CSV. */
export function formatSortableMoment(instant: Date, zone: string): string {
  const { day, time } = wallClock(instant, safeTimeZone(zone));
  return `${day} ${time}`;
}

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

