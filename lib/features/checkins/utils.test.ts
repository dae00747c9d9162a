import { describe, expect, it } from "vitest";
import {
  addDays,
  formatWeekRange,
  localDate,
  streakLength,
  weekOf,
  weekStartOf,
  weeksBetween,
} from "@/lib/features/checkins/utils";

describe("check-in weeks", () => {
  it("runs under an unusual server time zone, so zone-blind date code fails here", () => {
    expect(process.env.TZ).toBe("Pacific/Chatham");
  });

  it("starts every week on Monday, across month and year ends", () => {
    expect(weekStartOf("2027-01-04")).toBe("2027-01-04"); // Monday
    expect(weekStartOf("2027-01-10")).toBe("2027-01-04"); // Sunday
    expect(weekStartOf("2027-01-03")).toBe("2026-12-28"); // Sunday across the year end
    expect(weekStartOf("2028-03-01")).toBe("2028-02-28"); // leap year
    expect(addDays("2027-02-26", 7)).toBe("2027-03-05");
  });

  it("puts the same instant in different weeks in Auckland and Los Angeles", () => {
    // Monday 01:00 in Auckland (UTC+13), still Sunday 04:00 in Los Angeles (UTC-8).
    const instant = new Date("2027-01-03T12:00:00Z");
    expect(localDate(instant, "Pacific/Auckland")).toBe("2027-01-04");
    expect(weekOf(instant, "Pacific/Auckland")).toBe("2027-01-04");
    expect(localDate(instant, "America/Los_Angeles")).toBe("2027-01-03");
    expect(weekOf(instant, "America/Los_Angeles")).toBe("2026-12-28");
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
  });

  it("falls back to UTC for a zone Intl does not know instead of failing", () => {
    expect(weekOf(new Date("2027-01-04T00:30:00Z"), "Mars/Olympus_Mons")).toBe("2027-01-04");
  });

  it("lists the Mondays between two weeks, oldest first", () => {
    expect(weeksBetween("2027-01-06", "2027-01-25")).toEqual(["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]);
    expect(weeksBetween("2027-01-11", "2027-01-04")).toEqual([]);
  });

  it("formats a week as a date range", () => {
    // ICU puts thin spaces around the dash; compare the words.
    const plain = (text: string) => text.replace(/\s+/gu, " ");
    expect(plain(formatWeekRange("2027-01-04"))).toBe("Jan 4 – 10, 2027");
    expect(plain(formatWeekRange("2026-12-28"))).toBe("Dec 28, 2026 – Jan 3, 2027");
  });
});

describe("streak", () => {
  const first = "2027-01-04";
  const current = "2027-02-01"; // weeks: Jan 4, 11, 18, 25, Feb 1 (running)

  it("counts consecutive met weeks ending with the last complete week", () => {
    expect(streakLength(new Set(["2027-01-11", "2027-01-18", "2027-01-25"]), current, first)).toBe(3);
  });

  it("adds the running week once it is met", () => {
    expect(streakLength(new Set(["2027-01-11", "2027-01-18", "2027-01-25", current]), current, first)).toBe(4);
  });

  it("does not break while the running week is not met yet", () => {
    expect(streakLength(new Set(["2027-01-25"]), current, first)).toBe(1);
  });

  it("restarts after a missed week", () => {
    expect(streakLength(new Set(["2027-01-04", "2027-01-11", "2027-01-25"]), current, first)).toBe(1);
    expect(streakLength(new Set(["2027-01-04", "2027-01-11", current]), current, first)).toBe(1);
    expect(streakLength(new Set(["2027-01-04", "2027-01-11"]), current, first)).toBe(0);
  });

  it("never counts weeks before the learner's first week", () => {
    expect(streakLength(new Set(["2026-12-21", "2026-12-28", "2027-01-04"]), "2027-01-11", first)).toBe(1);
    expect(streakLength(new Set(["2026-12-28"]), "2026-12-28", first)).toBe(0);
  });
});
