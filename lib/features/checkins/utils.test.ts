import { describe, expect, it } from "vitest";
import { dayFrom as day } from "@/lib/calendar";
import { streakLength, weeklyRuleCheck, weeklyRuleParts, weeksBetween } from "@/lib/features/checkins/utils";

// Day arithmetic, weeks in a time zone and how a week reads are tested with lib/calendar.ts.
describe("check-in weeks", () => {
  it("lists the Mondays between two weeks, oldest first", () => {
    expect(weeksBetween(day("2027-01-06"), day("2027-01-25"))).toEqual(["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]);
    expect(weeksBetween(day("2027-01-11"), day("2027-01-04"))).toEqual([]);
  });
});

describe("streak", () => {
  const first = day("2027-01-04");
  const current = day("2027-02-01"); // weeks: Jan 4, 11, 18, 25, Feb 1 (running)

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
    expect(streakLength(new Set(["2026-12-21", "2026-12-28", "2027-01-04"]), day("2027-01-11"), first)).toBe(1);
    expect(streakLength(new Set(["2026-12-28"]), day("2026-12-28"), first)).toBe(0);
  });
});

describe("the weekly rule's parts in a check-in", () => {
  const closeOut = { learned: "", built: "", tested: "", documented: "", reviewed: "", blockers: "", reflection: "" };

  it("counts learned, built, tested, documented and reviewed when written; blockers, reflection and blanks do not count", () => {
    expect(weeklyRuleParts(undefined)).toBe(0);
    expect(weeklyRuleParts({ ...closeOut, blockers: "Quota", reflection: "Fine" })).toBe(0);
    expect(weeklyRuleParts({ ...closeOut, learned: "Drift", built: "A report", tested: " \n ", reviewed: "Cut a flag" })).toBe(3);
  });

  it("reports the parts beside what decides the rule: evidence or a completion", () => {
    expect(weeklyRuleCheck(0, 0, 5)).toEqual({ met: false, evidence: 0, completed: 0, parts: 5 });
    expect(weeklyRuleCheck(1, 0, 0)).toEqual({ met: true, evidence: 1, completed: 0, parts: 0 });
  });
});
