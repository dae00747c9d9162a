import type { MoveItem } from "@/lib/features/cohorts/types";

/** Whether Intl knows the zone (IANA names and their aliases); the server and the browser agree on it. */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a cohort can pick, with the current value kept even when Intl lists it under another name. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** A calendar date column (`@db.Date`) as "YYYY-MM-DD"; such dates are stored at UTC midnight. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The inverse of isoDay. */
export function dayToDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * What moving from one version to another does to each key: kept (in both), new (only in the
 * target) and dropped (only in the current one). Progress hangs off keys, so this is all that changes.
 * Each list keeps the order of the version it comes from.
 */
export function diffVersionItems(current: MoveItem[], target: MoveItem[]) {
  const currentByKey = new Map(current.map((item) => [item.key, item]));
  const targetKeys = new Set(target.map((item) => item.key));
  return {
    kept: target
      .filter((item) => currentByKey.has(item.key))
      .map((item) => {
        const before = currentByKey.get(item.key)!;
        return { ...item, previousTitle: before.title === item.title ? null : before.title };
      }),
    added: target.filter((item) => !currentByKey.has(item.key)),
    dropped: current.filter((item) => !targetKeys.has(item.key)),
  };
}

const calendarDay = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 1, 2027" for an ISO calendar date; the same on the server and in every browser. */
export function formatCalendarDay(isoDate: string): string {
  return calendarDay.format(dayToDate(isoDate));
}

/** The day an instant falls on in the cohort's time zone, e.g. an invite's expiry. */
export function formatDayInZone(isoInstant: string, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: zone }).format(new Date(isoInstant));
}

/** "1 day", "7 days". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Where a member lands: learners on their roadmap in this cohort, mentors on its members page, admins on
 * the admin home; an account from an instance invite without a cohort waits on /welcome to be added to one.
 */
export function homeOf(role: "admin" | "mentor" | "learner", cohortId: string | null) {
  if (role === "admin") return "/admin";
  if (!cohortId) return "/welcome";
  return role === "learner" ? `/roadmap?cohort=${cohortId}` : `/cohorts/${cohortId}/members`;
}
