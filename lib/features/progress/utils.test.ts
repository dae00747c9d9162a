import { describe, expect, it } from "vitest";
import { addDays, dayFrom as day } from "@/lib/calendar";
import { pace, targetDates } from "@/lib/features/progress/utils";

describe("pacing", () => {
  const pacing = { startDate: day("2027-01-04"), weeksPerPhase: 2, extensionDays: 0 };

  it("ends each phase after its share of weeks and spreads its milestones evenly", () => {
    const { phases, milestones } = targetDates([2, 4], pacing);
    expect(phases).toEqual(["2027-01-17", "2027-01-31"]);
    expect(milestones[0]).toEqual(["2027-01-10", "2027-01-17"]);
    expect(milestones[1]).toEqual(["2027-01-21", "2027-01-24", "2027-01-28", "2027-01-31"]);
  });

  it("moves every date by the learner's extension", () => {
    expect(targetDates([1], { ...pacing, extensionDays: 10 }).phases).toEqual(["2027-01-27"]);
  });

  it("is on pace when completions keep up with passed target dates, behind otherwise", () => {
    const items = [
      { target: day("2027-01-10"), complete: true },
      { target: day("2027-01-17"), complete: false },
      { target: day("2027-01-24"), complete: false },
    ];
    expect(pace(items, day("2027-01-04"), day("2027-01-12"))).toMatchObject({ expected: 1, completed: 1, onPace: true });
    expect(pace(items, day("2027-01-04"), day("2027-01-17"))).toMatchObject({ expected: 2, completed: 1, onPace: false });
  });

  it("forecasts the finish from the learner's own pace", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ target: addDays(day("2027-01-04"), i * 7), complete: i < 2 }));
    // 2 done in 10 days → 8 left take 40 days.
    expect(pace(items, day("2027-01-04"), day("2027-01-13")).forecast).toBe("2027-02-22");
    expect(pace(items.map((item) => ({ ...item, complete: false })), day("2027-01-04"), day("2027-01-13")).forecast).toBeNull();
  });
});
