// The at-risk rules on a fixed clock: Wednesday 10 March 2027, 12:00 UTC (04:00 in Los Angeles, so "today" there
// is still 10 March; the process itself runs in Pacific/Chatham, where it is already the 11th).
import { describe, expect, it } from "vitest";
import { dayFrom as day } from "@/lib/calendar";
import { dayIn, today, weekOf } from "@/lib/calendar-zones";
import {
  assessRisk,
  behindPace,
  changesUnanswered,
  deadlinePassed,
  inactive,
  phaseSlipped,
  severityOf,
  weeklyRuleFor,
  weeklyRuleMissed,
  type RiskInput,
} from "@/lib/features/cohort-progress/policy";

const NOW = new Date("2027-03-10T12:00:00Z");
const ZONE = "America/Los_Angeles";
const TODAY = day("2027-03-10"); // a Wednesday; this week began Monday 8 March, last week 1 March, the one before 22 Feb
const at = (iso: string) => new Date(iso);
// The rules read days on the cohort's calendar; the loader's statement puts each instant there (loaders.test.ts
// checks it against the database), as these helpers do.
const dayOf = (iso: string) => dayIn(at(iso), ZONE);
const weeksOf = (...instants: Date[]) => instants.map((instant) => weekOf(instant, ZONE));

describe("behind pace", () => {
  const items = (done: number, due: number, total = 10) =>
    Array.from({ length: total }, (_, index) => ({
      target: index < due ? day("2027-03-01") : day("2027-04-01"),
      complete: index < done,
    }));

  it("flags a learner the cohort's margin or more behind, with the counts", () => {
    expect(behindPace(items(3, 5), day("2027-01-04"), TODAY, 2)).toEqual({
      kind: "behind_pace",
      severity: "watch",
      reason: "Behind pace: 3 of 5 due milestones done",
    });
    expect(behindPace(items(4, 5), day("2027-01-04"), TODAY, 1)).toEqual({
      kind: "behind_pace",
      severity: "watch",
      reason: "Behind pace: 4 of 5 due milestones done",
    });
  });

  it("is At risk at twice the margin", () => {
    expect(behindPace(items(2, 5), day("2027-01-04"), TODAY, 2)?.severity).toBe("watch");
    expect(behindPace(items(1, 5), day("2027-01-04"), TODAY, 2)?.severity).toBe("at_risk");
    expect(behindPace(items(3, 5), day("2027-01-04"), TODAY, 1)?.severity).toBe("at_risk");
  });

  it("stays quiet within the margin, on pace, ahead of it, and before the learner's start", () => {
    // One milestone late of 15 is an ordinary week, not a learner at risk.
    expect(behindPace(items(14, 15, 20), day("2027-01-04"), TODAY, 2)).toBeNull();
    expect(behindPace(items(5, 5), day("2027-01-04"), TODAY, 1)).toBeNull();
    expect(behindPace(items(7, 5), day("2027-01-04"), TODAY, 1)).toBeNull();
    expect(behindPace(items(0, 0), day("2027-03-15"), TODAY, 1)).toBeNull();
  });
});

describe("no activity for N days", () => {
  const base = { startDate: day("2027-01-04"), joinedOn: day("2026-12-01"), today: TODAY, days: 7 };

  it("counts calendar days in the cohort's zone since the last activity", () => {
    // 1 March 20:00 in Los Angeles is already 2 March in UTC: still 9 days before 10 March on the cohort's clock.
    expect(inactive({ ...base, lastActivityOn: dayOf("2027-03-02T04:00:00Z") })).toEqual({
      kind: "inactive",
      severity: "watch",
      reason: "No activity for 9 days",
    });
    expect(inactive({ ...base, lastActivityOn: dayOf("2027-03-03T20:00:00Z") })).toEqual({
      kind: "inactive",
      severity: "watch",
      reason: "No activity for 7 days",
    });
  });

  it("does not flag activity within the last N days, or a cohort setting of more days", () => {
    expect(inactive({ ...base, lastActivityOn: dayOf("2027-03-04T20:00:00Z") })).toBeNull();
    expect(inactive({ ...base, lastActivityOn: dayOf("2027-03-02T04:00:00Z"), days: 10 })).toBeNull();
  });

  it("counts from the start (or a later joining day) when there was never any activity, and never before the start", () => {
    expect(inactive({ ...base, startDate: day("2027-02-24"), lastActivityOn: null })).toEqual({
      kind: "inactive",
      severity: "at_risk",
      reason: "No activity since starting 14 days ago",
    });
    expect(inactive({ ...base, joinedOn: day("2027-03-08"), lastActivityOn: null })).toBeNull();
    expect(inactive({ ...base, startDate: day("2027-03-20"), lastActivityOn: null })).toBeNull();
  });

  it("is At risk from twice the cohort's days: 13 days is Watch, 14 At risk", () => {
    expect(inactive({ ...base, lastActivityOn: day("2027-02-25") })?.severity).toBe("watch");
    expect(inactive({ ...base, lastActivityOn: day("2027-02-24") })?.severity).toBe("at_risk");
  });

  it("restarts the count when the learner's start date moved past their last activity", () => {
    expect(inactive({ ...base, startDate: day("2027-03-06"), lastActivityOn: dayOf("2027-02-01T18:00:00Z") })).toBeNull();
  });
});

describe("weekly rule missed twice running", () => {
  const base = { today: TODAY, startDate: day("2027-01-04") };

  it("flags two complete weeks without evidence or completions", () => {
    expect(weeklyRuleMissed({ ...base, activeWeeks: weeksOf(at("2027-02-20T12:00:00Z")) })).toEqual({
      kind: "weekly_rule",
      severity: "watch",
      reason: "Weekly rule missed the last 2 weeks",
    });
  });

  it("says how many parts of the rule the two weeks' check-ins reported, oldest first", () => {
    const checkinParts = new Map([[day("2027-02-22"), 3]]);
    expect(weeklyRuleMissed({ ...base, activeWeeks: [], checkinParts })?.reason).toBe(
      "Weekly rule missed the last 2 weeks; check-ins reported 3 and 0 of 5 parts",
    );
  });

  it("is satisfied by evidence or a completion in either of the two weeks, in the cohort's zone", () => {
    // Sunday 28 Feb 23:30 in Los Angeles (Monday 1 March in UTC) belongs to the week of 22 Feb.
    const sundayNight = at("2027-03-01T07:30:00Z");
    expect(weeklyRuleFor(day("2027-02-22"), [sundayNight], [], ZONE)).toEqual({ met: true, evidence: 1, completed: 0, parts: 0 });
    expect(weeklyRuleMissed({ ...base, activeWeeks: weeksOf(sundayNight) })).toBeNull();
    expect(weeklyRuleMissed({ ...base, activeWeeks: weeksOf(at("2027-03-05T18:00:00Z")) })).toBeNull();
  });

  it("ignores the running week and weeks before the learner started", () => {
    expect(weeklyRuleMissed({ ...base, activeWeeks: weeksOf(at("2027-03-09T18:00:00Z")) })).not.toBeNull();
    expect(weeklyRuleMissed({ ...base, startDate: day("2027-03-01"), activeWeeks: [] })).toBeNull();
  });
});

describe("changes requested, unanswered for N days", () => {
  const base = { today: TODAY, days: 7 };

  it("flags a request older than N days with the milestone's title", () => {
    expect(
      changesUnanswered({ ...base, openRequests: [{ title: "Track every experiment", decidedOn: dayOf("2027-03-01T18:00:00Z") }] }),
    ).toEqual({
      kind: "changes_requested",
      severity: "watch",
      reason: "Changes requested on “Track every experiment” 9 days ago, no new attempt",
    });
  });

  it("reads its own threshold and is At risk at twice it", () => {
    const openRequests = [{ title: "A", decidedOn: day("2027-03-04") }];
    expect(changesUnanswered({ ...base, days: 5, openRequests })).toMatchObject({ severity: "watch" });
    expect(changesUnanswered({ ...base, days: 3, openRequests })).toMatchObject({ severity: "at_risk" });
    expect(changesUnanswered({ ...base, days: 7, openRequests })).toBeNull();
  });

  it("names how many are overdue and the oldest", () => {
    const flag = changesUnanswered({
      ...base,
      openRequests: [
        { title: "A", decidedOn: dayOf("2027-02-20T18:00:00Z") },
        { title: "B", decidedOn: dayOf("2027-03-01T18:00:00Z") },
        { title: "C", decidedOn: dayOf("2027-03-09T18:00:00Z") },
      ],
    });
    expect(flag?.reason).toBe("Changes requested on 2 milestones, oldest 18 days ago, no new attempt");
  });

  it("waits N days before flagging, and nothing open means nothing to flag", () => {
    expect(changesUnanswered({ ...base, openRequests: [{ title: "A", decidedOn: dayOf("2027-03-05T18:00:00Z") }] })).toBeNull();
    expect(changesUnanswered({ ...base, openRequests: [] })).toBeNull();
  });
});

describe("a phase slipped", () => {
  const phase = (title: string, target: string, open: number) => ({ title, target: day(target), open });
  const last = phase("Last", "2027-06-01", 5);

  it("names the phase, how far past its target date, and what is open", () => {
    expect(phaseSlipped({ phases: [phase("Cloud and containers", "2027-03-01", 2), last], today: TODAY, days: 7 })).toEqual({
      kind: "phase_slipped",
      severity: "watch",
      reason: "Phase “Cloud and containers” slipped 9 days, 2 milestones open",
    });
  });

  it("names the furthest slip, counts the others, and is At risk at twice the days", () => {
    const phases = [phase("One", "2027-02-20", 1), phase("Two", "2027-03-03", 3), last];
    expect(phaseSlipped({ phases, today: TODAY, days: 7 })).toEqual({
      kind: "phase_slipped",
      severity: "at_risk",
      reason: "Phase “One” slipped 18 days, 1 milestone open, and 1 later phase",
    });
  });

  it("waits the cohort's days, ignores finished phases, and leaves the last phase to the deadline rule", () => {
    expect(phaseSlipped({ phases: [phase("One", "2027-03-04", 2), last], today: TODAY, days: 7 })).toBeNull();
    expect(phaseSlipped({ phases: [phase("One", "2027-02-01", 0), last], today: TODAY, days: 7 })).toBeNull();
    expect(phaseSlipped({ phases: [phase("Only", "2027-02-01", 4)], today: TODAY, days: 7 })).toBeNull();
  });
});

describe("severity", () => {
  it("is Watch from the threshold and At risk from twice it", () => {
    expect([severityOf(2, 2), severityOf(3, 2), severityOf(4, 2), severityOf(13, 7), severityOf(14, 7)]).toEqual([
      "watch",
      "watch",
      "at_risk",
      "watch",
      "at_risk",
    ]);
  });
});

describe("deadline passed", () => {
  it("flags an unfinished learner once their last target date (with extension) is behind them", () => {
    expect(deadlinePassed({ deadline: day("2027-03-09"), today: TODAY, completed: 30, total: 40 })).toEqual({
      kind: "deadline_passed",
      severity: "at_risk",
      reason: "Deadline passed on 9 Mar 2027: 30 of 40 milestones done",
    });
  });

  it("does not flag on the deadline day, before it, or a learner who finished", () => {
    expect(deadlinePassed({ deadline: TODAY, today: TODAY, completed: 30, total: 40 })).toBeNull();
    expect(deadlinePassed({ deadline: day("2027-04-01"), today: TODAY, completed: 30, total: 40 })).toBeNull();
    expect(deadlinePassed({ deadline: day("2027-03-01"), today: TODAY, completed: 40, total: 40 })).toBeNull();
  });
});

describe("assessRisk", () => {
  const input = (overrides: Partial<RiskInput> = {}): RiskInput => ({
    today: TODAY,
    startDate: day("2027-01-04"),
    joinedOn: day("2027-01-04"),
    milestones: [
      { target: day("2027-02-01"), complete: true },
      { target: day("2027-03-01"), complete: false },
      { target: day("2027-03-05"), complete: false },
    ],
    phases: [
      { title: "First", target: day("2027-02-01"), open: 1 },
      { title: "Last", target: day("2027-03-05"), open: 2 },
    ],
    deadline: day("2027-03-05"),
    inactivityDays: 7,
    behindPaceBy: 2,
    changesRequestedDays: 5,
    phaseSlippedDays: 7,
    lastActivityOn: dayOf("2027-02-01T18:00:00Z"),
    activeWeeks: [],
    openRequests: [{ title: "Ship it", decidedOn: dayOf("2027-02-01T18:00:00Z") }],
    ...overrides,
  });

  it("lists every rule that fires, At risk before Watch", () => {
    expect(assessRisk(input()).map((flag) => [flag.kind, flag.severity])).toEqual([
      ["deadline_passed", "at_risk"],
      ["phase_slipped", "at_risk"],
      ["changes_requested", "at_risk"],
      ["inactive", "at_risk"],
      ["behind_pace", "watch"],
      ["weekly_rule", "watch"],
    ]);
  });

  it("lets a learner who finished rest, but keeps an open change request", () => {
    const finished = input({ milestones: [{ target: day("2027-02-01"), complete: true }], phases: [] });
    expect(assessRisk(finished).map((flag) => flag.kind)).toEqual(["changes_requested"]);
  });

  it("counts silence from the day someone joined when that is after the start; pacing still follows the start date", () => {
    const lateJoiner = input({
      joinedOn: day("2027-03-08"),
      lastActivityOn: null,
      openRequests: [],
      deadline: null,
      milestones: [],
      phases: [],
    });
    expect(assessRisk(lateJoiner).map((flag) => flag.kind)).toEqual(["weekly_rule"]);
  });
});

it("uses the fixed clock's day in the cohort's zone", () => {
  expect(today(ZONE, NOW)).toBe(TODAY);
});
