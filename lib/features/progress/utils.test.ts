import { describe, expect, it } from "vitest";
import { addDays, dayFrom as day } from "@/lib/calendar";
import type { RoadmapMilestoneRow } from "@/lib/features/progress/types";
import { isOverdue, isPhaseFinished, pace, roadmapSummary, targetDates } from "@/lib/features/progress/utils";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

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

function milestone(key: string, status: ProgressStatus, targetDate: string): RoadmapMilestoneRow {
  return { key, title: key, status, evidence: "none", reviewRequired: false, effortHours: null, targetDate: day(targetDate), attempts: 0, linkBroken: false };
}

describe("overdue", () => {
  // Today in the cohort's time zone, as the roadmap's loader hands it over.
  const today = day("2027-03-10");

  it("marks a milestone whose target day has passed while it is still the learner's move", () => {
    expect(isOverdue(milestone("a", "not_started", "2027-03-09"), today)).toBe(true);
    expect(isOverdue(milestone("a", "in_progress", "2027-02-01"), today)).toBe(true);
    expect(isOverdue(milestone("a", "changes_requested", "2027-03-09"), today)).toBe(true);
  });

  it("is not overdue on its target day or before", () => {
    expect(isOverdue(milestone("a", "not_started", "2027-03-10"), today)).toBe(false);
    expect(isOverdue(milestone("a", "not_started", "2027-03-11"), today)).toBe(false);
  });

  it("is never overdue once complete, nor while a mentor has it to review", () => {
    expect(isOverdue(milestone("a", "done", "2027-01-01"), today)).toBe(false);
    expect(isOverdue(milestone("a", "approved", "2027-01-01"), today)).toBe(false);
    expect(isOverdue(milestone("a", "submitted", "2027-01-01"), today)).toBe(false);
  });

  it("follows the learner's own schedule: an extension moves the day it becomes overdue", () => {
    const pacing = { startDate: day("2027-03-01"), weeksPerPhase: 1, extensionDays: 0 };
    const [first] = targetDates([1], pacing).milestones[0]!;
    const [extended] = targetDates([1], { ...pacing, extensionDays: 7 }).milestones[0]!;
    expect(isOverdue(milestone("a", "not_started", first!), today)).toBe(true);
    expect(isOverdue(milestone("a", "not_started", extended!), today)).toBe(false);
  });
});

describe("finished phases", () => {
  const phase = (key: string, ...statuses: ProgressStatus[]) => ({
    key,
    title: key,
    targetDate: day("2027-03-01"),
    total: statuses.length,
    milestones: statuses.map((status, index) => milestone(`${key}-${index + 1}`, status, "2027-03-01")),
  });

  it("folds a phase only when every milestone in it is done or approved", () => {
    expect(isPhaseFinished(phase("a", "done", "approved", "done"))).toBe(true);
    expect(isPhaseFinished(phase("a", "done", "submitted"))).toBe(false);
    expect(isPhaseFinished(phase("a", "done", "changes_requested"))).toBe(false);
    expect(isPhaseFinished(phase("a"))).toBe(false);
  });

  it("never folds the phase holding Next up", () => {
    const phases = [phase("a", "done", "done"), phase("b", "done", "not_started"), phase("c", "not_started")];
    expect(roadmapSummary(phases, day("2027-02-01"), day("2027-03-10")).nextUp?.key).toBe("b-2");
    expect(phases.map(isPhaseFinished)).toEqual([true, false, false]);
  });
});
