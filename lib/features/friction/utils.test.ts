import { describe, expect, it } from "vitest";
import { dayFrom } from "@/lib/calendar";
import { parseFrictionSort } from "@/lib/features/friction/schema";
import type { FrictionRow } from "@/lib/features/friction/types";
import { frictionCsv, frictionItems, frictionNoteBody, frictionRows, frictionScore, sortFrictionRows } from "@/lib/features/friction/utils";

const items = frictionItems({
  phases: [
    { title: "One", milestones: [{ id: "m1", key: "a", title: "A" }, { id: "m2", key: "b", title: "B" }] },
    { title: "Two", milestones: [{ id: "m3", key: "c", title: "C" }] },
  ],
  projects: [{ id: "p1", key: "p", title: "P" }],
});

const figure = (key: string, overrides: Partial<Parameters<typeof frictionRows>[1][number]> = {}) => ({
  key,
  started: 2,
  completed: 0,
  days: null,
  attempted: 0,
  retried: 0,
  medianWaitHours: null,
  current: 0,
  stalled: 0,
  ...overrides,
});

describe("friction rows", () => {
  it("numbers milestones by phase and position and projects P1…, in roadmap order", () => {
    expect(items.map((item) => [item.code, item.phase, item.kind])).toEqual([
      ["1.1", "One", "milestone"],
      ["1.2", "One", "milestone"],
      ["2.1", "Two", "milestone"],
      ["P1", "Portfolio projects", "project"],
    ]);
  });

  it("marks fewer than three as worst when fewer have a non-zero score, and never an item nobody started", () => {
    const rows = frictionRows(
      items,
      [figure("a", { stalled: 1 }), figure("b"), figure("c", { started: 0 }), figure("p", { attempted: 2, retried: 1 })],
      null,
    );
    expect(rows.map((row) => [row.key, row.score, row.worst])).toEqual([
      ["a", 0.5, true],
      ["b", 0, false],
      ["c", 0, false],
      ["p", 0.5, true],
    ]);
  });

  it("counts slowness against the typical item's median, up to twice as slow", () => {
    expect(frictionScore({ started: 1, stalled: 0, retryShare: null, medianDays: 15 }, 10)).toBe(0.5);
    expect(frictionScore({ started: 1, stalled: 0, retryShare: null, medianDays: 40 }, 10)).toBe(1);
    expect(frictionScore({ started: 1, stalled: 0, retryShare: null, medianDays: 5 }, 10)).toBe(0);
    expect(frictionScore({ started: 1, stalled: 0, retryShare: null, medianDays: 5 }, 0)).toBe(0);
    expect(frictionScore({ started: 0, stalled: 0, retryShare: null, medianDays: null }, 10)).toBe(0);
  });

  it("rounds days and hours to one decimal and keeps the unrounded share", () => {
    const [row] = frictionRows(items.slice(0, 1), [figure("a", { days: [1.04, 2.25, 3.96], medianWaitHours: 7.25, attempted: 3, retried: 1 })], (item) => `/edit/${item.id}`);
    expect(row).toMatchObject({ medianDays: 2.3, quartileDays: [1, 4], medianWaitHours: 7.3, retryShare: 1 / 3, editHref: "/edit/m1" });
  });

  it("sorts with unknown figures last and ties in roadmap order; 'order' keeps roadmap order", () => {
    const rows = frictionRows(items, [figure("b", { medianWaitHours: 3 }), figure("c", { medianWaitHours: 9 })], null);
    expect(sortFrictionRows(rows, "wait").map((row) => row.key)).toEqual(["c", "b", "a", "p"]);
    expect(sortFrictionRows(rows, "order").map((row) => row.key)).toEqual(["a", "b", "c", "p"]);
  });
});

describe("parseFrictionSort", () => {
  it("accepts the sorts and falls back to friction", () => {
    expect(parseFrictionSort("time")).toBe("time");
    expect(parseFrictionSort(["stalled", "time"])).toBe("stalled");
    expect(parseFrictionSort("=cmd")).toBe("friction");
    expect(parseFrictionSort(undefined)).toBe("friction");
  });
});

describe("the friction CSV and note", () => {
  const row = (index: number): FrictionRow => ({
    ...frictionRows(items.slice(0, 1), [], null)[0]!,
    key: `k${index}`,
    code: `1.${index}`,
    title: `=Milestone ${index}`,
  });

  it("neutralises a title that reads as a formula (docs/security.md #18)", () => {
    const file = frictionCsv("Spring 2027", [row(1)], dayFrom("2027-03-10"));
    expect(file.filename).toBe("spring-2027-friction-2027-03-10.csv");
    expect(file.body.split("\r\n")[1]).toBe("1.1,'=Milestone 1,One,0,0,,,,0,0,,,0,0");
  });

  it("leaves out the rows past the note's limit and says how many", () => {
    const rows = Array.from({ length: 400 }, (_, index) => ({ ...row(index + 1), title: "A long milestone title ".repeat(4) }));
    const body = frictionNoteBody(rows, { learners: 1, cohorts: 1, versionNumber: 2, today: dayFrom("2027-03-10") }, 20_000);
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body.startsWith("Figures from 1 learner in 1 cohort on version 2, as of 10 Mar 2027.")).toBe(true);
    const kept = body.split("\n").filter((line) => line.startsWith("| 1.")).length;
    expect(kept).toBeGreaterThan(100);
    expect(body.endsWith(`${400 - kept} more items left out to keep this note within the import limit; the CSV export lists every item.`)).toBe(true);
    expect(frictionNoteBody(rows.slice(0, 3), { learners: 2, cohorts: 1, versionNumber: 1, today: dayFrom("2027-03-10") }, 20_000)).not.toContain("left out");
  });
});
