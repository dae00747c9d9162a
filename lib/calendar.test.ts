import { describe, expect, it } from "vitest";
import { addDays, DAY_RANGE_MESSAGE, dayFrom, dayOfDate, dateOfDay, daysBetween, formatDay, formatWeekRange, isCalendarDay, parseDay, weekStartOf } from "@/lib/calendar";
import { canonicalTimeZone, dayIn, formatClock, formatMoment, formatRelativeTime, formatSortableMoment, isTimeZone, safeTimeZone, timeZoneOptions, today, weekOf } from "@/lib/calendar-zones";
import { calendarDay, instant } from "@/lib/calendar-fields";

const day = dayFrom;

it("runs under an unusual server time zone, so zone-blind date code fails here", () => {
  expect(process.env.TZ).toBe("Pacific/Chatham");
});

describe("days", () => {
  it("starts every week on Monday, across month and year ends", () => {
    expect(weekStartOf(day("2027-01-04"))).toBe("2027-01-04"); // Monday
    expect(weekStartOf(day("2027-01-10"))).toBe("2027-01-04"); // Sunday
    expect(weekStartOf(day("2027-01-03"))).toBe("2026-12-28"); // Sunday across the year end
    expect(weekStartOf(day("2028-03-01"))).toBe("2028-02-28"); // leap year
    expect(addDays(day("2027-02-26"), 7)).toBe("2027-03-05");
  });

  it("counts whole days across a daylight saving change of the server's own zone", () => {
    // Pacific/Chatham leaves daylight saving on 4 April 2027; a day is still a day.
    expect(daysBetween(day("2027-04-01"), day("2027-04-08"))).toBe(7);
    expect(daysBetween(day("2027-04-08"), day("2027-04-01"))).toBe(-7);
    expect(addDays(day("2027-03-31"), 7)).toBe("2027-04-07");
  });

  it("turns a date column into its day and back, at UTC midnight", () => {
    expect(dayOfDate(new Date("2027-03-12T00:00:00Z"))).toBe("2027-03-12");
    expect(dateOfDay(day("2027-03-12")).toISOString()).toBe("2027-03-12T00:00:00.000Z");
  });

  it("parses a day or says it is none; a day Cairn wrote itself that is none is a bug", () => {
    expect(parseDay("2027-03-12")).toBe("2027-03-12");
    expect(parseDay("2027-02-30")).toBeNull();
    expect(() => dayFrom("12 Mar 2027")).toThrow(RangeError);
  });
});

describe("days in a time zone", () => {
  it("puts the same instant in different weeks in Auckland and Los Angeles", () => {
    // Monday 01:00 in Auckland (UTC+13), still Sunday 04:00 in Los Angeles (UTC-8).
    const moment = new Date("2027-01-03T12:00:00Z");
    expect(dayIn(moment, "Pacific/Auckland")).toBe("2027-01-04");
    expect(weekOf(moment, "Pacific/Auckland")).toBe("2027-01-04");
    expect(dayIn(moment, "America/Los_Angeles")).toBe("2027-01-03");
    expect(weekOf(moment, "America/Los_Angeles")).toBe("2026-12-28");
  });

  it("switches weeks at local midnight between Sunday and Monday", () => {
    // Auckland midnight Monday 11 January 2027 is 2027-01-10T11:00Z.
    expect(weekOf(new Date("2027-01-10T10:59:59Z"), "Pacific/Auckland")).toBe("2027-01-04");
    expect(weekOf(new Date("2027-01-10T11:00:00Z"), "Pacific/Auckland")).toBe("2027-01-11");
    // Los Angeles midnight Monday 11 January 2027 is 2027-01-11T08:00Z.
    expect(weekOf(new Date("2027-01-11T07:59:59Z"), "America/Los_Angeles")).toBe("2027-01-04");
    expect(weekOf(new Date("2027-01-11T08:00:00Z"), "America/Los_Angeles")).toBe("2027-01-11");
  });

  it("follows daylight saving time changes", () => {
    // Los Angeles moves to UTC-7 on Sunday 14 March 2027; midnight Monday 15 March is 07:00Z.
    expect(weekOf(new Date("2027-03-15T06:59:00Z"), "America/Los_Angeles")).toBe("2027-03-08");
    expect(weekOf(new Date("2027-03-15T07:00:00Z"), "America/Los_Angeles")).toBe("2027-03-15");
    // Berlin's clocks go from 02:00 to 03:00 on 28 March 2027 and back from 03:00 to 02:00 on 31 October.
    expect(formatMoment("2027-03-28T00:59:00Z", "Europe/Berlin")).toBe("28 Mar 2027, 01:59");
    expect(formatMoment("2027-03-28T01:00:00Z", "Europe/Berlin")).toBe("28 Mar 2027, 03:00");
    expect(formatMoment("2027-10-31T00:30:00Z", "Europe/Berlin", { named: true })).toBe("31 Oct 2027, 02:30 CEST");
    expect(formatMoment("2027-10-31T01:30:00Z", "Europe/Berlin", { named: true })).toBe("31 Oct 2027, 02:30 CET");
  });

  it("takes today in the cohort's time zone, not the server's, also east of UTC+12", () => {
    const moment = new Date("2027-01-04T20:00:00Z");
    expect(today("Pacific/Auckland", moment)).toBe("2027-01-05");
    expect(today("America/Los_Angeles", moment)).toBe("2027-01-04");
    // Kiritimati runs at UTC+14: its Monday starts while it is Sunday 10:00 in UTC.
    expect(today("Pacific/Kiritimati", new Date("2027-01-10T10:00:00Z"))).toBe("2027-01-11");
    expect(weekOf(new Date("2027-01-10T09:59:00Z"), "Pacific/Kiritimati")).toBe("2027-01-04");
    expect(weekOf(new Date("2027-01-10T10:00:00Z"), "Pacific/Kiritimati")).toBe("2027-01-11");
    expect(today("Pacific/Chatham", new Date("2027-01-04T11:15:00Z"))).toBe("2027-01-05");
  });

  it("falls back to UTC for a zone Intl does not know instead of failing", () => {
    expect(weekOf(new Date("2027-01-04T00:30:00Z"), "Mars/Olympus_Mons")).toBe("2027-01-04");
    expect(today("Not/AZone", new Date("2027-01-04T20:00:00Z"))).toBe("2027-01-04");
    expect(today("", new Date("2027-01-04T20:00:00Z"))).toBe("2027-01-04");
  });
});

describe("time zones", () => {
  it("accepts IANA names and rejects anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Pacific/Chatham")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(" ")).toBe(false);
  });

  it("keeps a known zone, spelled as Intl spells it, and puts UTC in place of an unknown one", () => {
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(safeTimeZone("Pacific/Auckland")).toBe("Pacific/Auckland");
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
  });

  it("lists UTC and keeps the current zone even when Intl spells it otherwise", () => {
    const zones = timeZoneOptions("Asia/Calcutta");
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Calcutta");
    expect(zones).toContain("Europe/Berlin");
  });
});

describe("how days and moments read (docs/ux.md, Dates and times)", () => {
  it("writes a day as day, short month, year, the same on every ICU", () => {
    expect(formatDay(day("2027-03-12"))).toBe("12 Mar 2027");
    expect(formatDay(day("2027-09-01"))).toBe("1 Sep 2027");
    expect(formatDay(day("1900-01-01"))).toBe("1 Jan 1900");
    expect(formatDay(day("2999-12-31"))).toBe("31 Dec 2999");
  });

  it("writes a week as a range of days", () => {
    expect(formatWeekRange(day("2027-01-04"))).toBe("4–10 Jan 2027");
    expect(formatWeekRange(day("2027-03-29"))).toBe("29 Mar – 4 Apr 2027");
    expect(formatWeekRange(day("2026-12-28"))).toBe("28 Dec 2026 – 3 Jan 2027");
  });

  it("writes a moment on the cohort's 24-hour clock, not the machine's (TZ is pinned to Pacific/Chatham)", () => {
    expect(formatMoment("2027-03-10T12:00:00Z", "Europe/Berlin")).toBe("10 Mar 2027, 13:00");
    expect(formatMoment(new Date("2027-03-10T12:00:00Z"), "UTC")).toBe("10 Mar 2027, 12:00");
    expect(formatMoment("2027-03-10T23:05:00Z", "UTC")).toBe("10 Mar 2027, 23:05");
    expect(formatMoment("2027-03-10T00:05:00Z", "UTC")).toBe("10 Mar 2027, 00:05");
    expect(formatMoment("2027-01-10T10:30:00Z", "Pacific/Kiritimati")).toBe("11 Jan 2027, 00:30");
    expect(formatClock("2027-03-10T12:00:00Z", "UTC")).toBe("12:00");
    expect(formatClock("2027-03-10T12:00:00Z", "America/Los_Angeles")).toBe("04:00");
  });

  it("names the zone of a moment shown away from its cohort", () => {
    expect(formatMoment("2026-03-10T12:00:00Z", "UTC", { named: true })).toBe("10 Mar 2026, 12:00 UTC");
    expect(formatMoment("2027-01-10T10:30:00Z", "Pacific/Kiritimati", { named: true })).toBe("11 Jan 2027, 00:30 GMT+14");
  });

  it("still gives a readable time for an unknown zone, in UTC and saying so", () => {
    expect(formatMoment("2027-03-10T12:00:00Z", "Mars/Olympus")).toBe("10 Mar 2027, 12:00 UTC");
    expect(formatClock("2027-03-10T12:00:00Z", "Mars/Olympus")).toBe("12:00 UTC");
  });

  it("writes a moment for exports so that it sorts as text", () => {
    expect(formatSortableMoment(new Date("2027-01-12T13:05:00Z"), "Europe/Berlin")).toBe("2027-01-12 14:05");
    expect(formatSortableMoment(new Date("2027-01-12T13:05:00Z"), "Mars/Olympus")).toBe("2027-01-12 13:05");
  });

  const now = new Date("2026-03-10T12:00:00Z");
  it.each([
    [10 * 1000, "just now"],
    [60 * 1000, "1 minute ago"],
    [59 * 60 * 1000, "59 minutes ago"],
    [2 * 3600 * 1000 + 59 * 60 * 1000, "2 hours ago"],
    [30 * 3600 * 1000, "yesterday"],
    [3 * 86400 * 1000, "3 days ago"],
    [15 * 86400 * 1000, "2 weeks ago"],
    [400 * 86400 * 1000, "last year"],
    [-5000, "just now"],
  ])("%i ms before now reads %j", (elapsed, text) => {
    expect(formatRelativeTime(new Date(now.getTime() - elapsed), now)).toBe(text);
  });
});

describe("calendar days and instants people enter (docs/security.md #39)", () => {
  it.each(["2027-01-04", "2028-02-29", "1900-01-01", "2999-12-31"])("accepts %s", (value) => {
    expect(isCalendarDay(value)).toBe(true);
  });

  it.each(["0000-01-01", "1899-12-31", "3000-01-01", "275760-09-13", "+275760-09-13", "2027-02-30", "2027-13-01", "2027-1-4", "", "2027-01-04T00:00"])(
    "refuses %j",
    (value) => expect(isCalendarDay(value)).toBe(false),
  );

  it("tells a person the range when the date is real but out of it, and the field's own sentence otherwise", () => {
    const field = calendarDay("Pick a date.");
    expect(field.safeParse("0000-01-01").error?.issues.map((issue) => issue.message)).toEqual([DAY_RANGE_MESSAGE]);
    expect(field.safeParse("9999-12-31").error?.issues.map((issue) => issue.message)).toEqual([DAY_RANGE_MESSAGE]);
    expect(field.safeParse("2027-02-30").error?.issues.map((issue) => issue.message)).toEqual(["Pick a date."]);
    expect(field.safeParse("next tuesday").error?.issues.map((issue) => issue.message)).toEqual(["Pick a date."]);
    expect(field.safeParse(20270104).error?.issues.map((issue) => issue.message)).toEqual(["Pick a date."]);
    expect(field.parse(" 2027-01-04 ")).toBe("2027-01-04");
  });

  it("accepts instants as toISOString writes them, within the same range", () => {
    const field = instant("Reload the page.");
    expect(field.parse("2027-01-04T10:00:00.000Z")).toBe("2027-01-04T10:00:00.000Z");
    for (const value of ["0000-01-01T00:00:00Z", "2027-01-04", "+275760-09-13T00:00:00.000Z", "yesterday"]) {
      expect(field.safeParse(value).error?.issues[0]?.message).toBe("Reload the page.");
    }
  });
});
