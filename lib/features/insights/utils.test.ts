// The insights' week arithmetic and forecast line, on calendar days: which weeks a chart shows, the plan by each
// week's end, the burn-up's forecast, streaks as the Check-ins page counts them, and the chart names an address may use.
import { describe, expect, it } from "vitest";
import { dayFrom } from "@/lib/calendar";
import { parseHealthChart, parseProgressChart } from "@/lib/features/insights/schema";
import { burnupWeeks, byMostBehind, chartWeeks, hoursTotals, hoursWeeks, plannedBy, streakFigures } from "@/lib/features/insights/utils";

const d = (value: string) => dayFrom(value);
const days = (...values: string[]) => values.map(d);

describe("chartWeeks", () => {
  it("runs from the start's Monday to this week", () => {
    expect(chartWeeks(d("2027-01-06"), d("2027-01-25"))).toEqual(days("2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"));
  });

  it("shows the last 52 weeks at most, and just this week before the start", () => {
    const weeks = chartWeeks(d("2020-01-06"), d("2027-01-25"));
    expect(weeks).toHaveLength(52);
    expect([weeks[0], weeks.at(-1)]).toEqual(days("2026-02-02", "2027-01-25"));
    expect(chartWeeks(d("2027-03-01"), d("2027-01-25"))).toEqual(days("2027-01-25"));
  });
});

describe("plannedBy", () => {
  it("counts the targets up to the week's Sunday", () => {
    const targets = days("2027-01-10", "2027-01-11", "2027-01-17", "2027-01-18");
    expect([plannedBy(targets, d("2027-01-04")), plannedBy(targets, d("2027-01-11")), plannedBy(targets, d("2027-01-18"))]).toEqual([1, 3, 4]);
  });
});

describe("burnupWeeks", () => {
  const targets = days("2027-01-10", "2027-01-17", "2027-01-24", "2027-01-31");

  it("has no forecast line before any completion, and stops at the finish target", () => {
    const weeks = burnupWeeks({ targets, completions: [], startDate: d("2027-01-04"), today: d("2027-01-13"), forecast: null });
    expect(weeks.map((week) => [week.week, week.planned, week.completed, week.forecast])).toEqual([
      ["2027-01-04", 1, 0, null],
      ["2027-01-11", 2, 0, null],
      ["2027-01-18", 3, null, null],
      ["2027-01-25", 4, null, null],
    ]);
  });

  it("ends the line on every milestone when the forecast falls in this week", () => {
    const weeks = burnupWeeks({
      targets,
      completions: [{ week: d("2027-01-04"), count: 3 }],
      startDate: d("2027-01-04"),
      today: d("2027-02-01"),
      forecast: d("2027-02-03"),
    });
    expect(weeks.at(-1)).toEqual({ week: "2027-02-01", planned: 4, completed: 3, forecast: 4 });
  });

  it("reaches 52 weeks ahead at most, the line running on towards a later forecast", () => {
    const weeks = burnupWeeks({
      targets,
      completions: [{ week: d("2027-01-04"), count: 1 }],
      startDate: d("2027-01-04"),
      today: d("2027-01-04"),
      forecast: d("2031-01-06"),
    });
    expect(weeks).toHaveLength(53);
    expect(weeks.at(-1)!.week).toBe("2028-01-03");
    expect(weeks.at(-1)!.forecast).toBeGreaterThan(1);
    expect(weeks.at(-1)!.forecast).toBeLessThan(4);
  });
});

describe("hours", () => {
  it("puts each check-in on its week and sums what the chart shows", () => {
    const hours = hoursWeeks(
      [
        { week: d("2026-12-28"), planned: 40, logged: 40 },
        { week: d("2027-01-04"), planned: 10, logged: 7 },
        { week: d("2027-01-18"), planned: 6, logged: null },
      ],
      d("2027-01-04"),
      d("2027-01-20"),
    );
    expect(hours).toEqual([
      { week: "2027-01-04", planned: 10, logged: 7 },
      { week: "2027-01-11", planned: null, logged: null },
      { week: "2027-01-18", planned: 6, logged: null },
    ]);
    expect(hoursTotals(hours)).toEqual({ hoursPlanned: 16, hoursLogged: 7 });
  });
});

describe("streakFigures", () => {
  const rule = (week: string, evidence: number, completed: number) => ({ week: d(week), evidence, completed });

  it("counts back from last week, this week adding one once met", () => {
    const weeks = [rule("2027-01-04", 1, 0), rule("2027-01-18", 0, 1), rule("2027-01-25", 2, 0), rule("2027-02-01", 1, 0)];
    expect(streakFigures(weeks, d("2027-01-04"), null, d("2027-02-03"))).toEqual({ streak: 3, weeksMet: 3, weeksPast: 4 });
    expect(streakFigures(weeks.slice(0, 3), d("2027-01-04"), null, d("2027-02-03"))).toEqual({ streak: 2, weeksMet: 3, weeksPast: 4 });
  });

  it("starts at an earlier check-in than the start date, as the Check-ins page does", () => {
    expect(streakFigures([], d("2027-01-11"), d("2027-01-04"), d("2027-01-20"))).toEqual({ streak: 0, weeksMet: 0, weeksPast: 2 });
  });
});

describe("byMostBehind", () => {
  it("puts the learner furthest behind their own schedule first, then by name", () => {
    const learner = (name: string, completed: number, expected: number) => ({ membershipId: name, name, completed, expected });
    expect(byMostBehind([learner("Cy", 1, 3), learner("Ana", 5, 4), learner("Bo", 0, 2), learner("Dee", 0, 3)]).map((l) => l.name)).toEqual([
      "Dee",
      "Bo",
      "Cy",
      "Ana",
    ]);
  });
});

describe("the chart names in an address", () => {
  it("are known ones, anything else null (a 404)", () => {
    expect(["flow", "pace", "review-wait", "streaks", "burnup", "", undefined, ["flow"]].map(parseHealthChart)).toEqual([
      "flow",
      "pace",
      "review-wait",
      "streaks",
      null,
      null,
      null,
      null,
    ]);
    expect(["burnup", "hours", "flow", "HOURS"].map(parseProgressChart)).toEqual(["burnup", "hours", null, null]);
  });
});
