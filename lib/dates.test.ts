import { describe, expect, it } from "vitest";
import { calendarDay, DAY_RANGE_MESSAGE, formatAbsoluteTime, formatRelativeTime, instant, isCalendarDay } from "@/lib/dates";

describe("times", () => {
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

  it("names the time zone of the absolute date", () => {
    expect(formatAbsoluteTime(now, "UTC")).toBe("10 Mar 2026, 12:00 UTC");
  });
});

describe("calendar days and instants people enter (docs/security.md #39)", () => {
  it.each(["2027-01-04", "2028-02-29", "1900-01-01", "2999-12-31"])("accepts %s", (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each(["0000-01-01", "1899-12-31", "3000-01-01", "275760-09-13", "+275760-09-13", "2027-02-30", "2027-13-01", "2027-1-4", "", "2027-01-04T00:00"])(
    "refuses %j",
    (day) => expect(isCalendarDay(day)).toBe(false),
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
