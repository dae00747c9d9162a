import { describe, expect, it } from "vitest";
import type { CohortStructure, LearnerRow, LearnerStanding, MatrixQuery } from "@/lib/features/cohort-progress/types";
import { dayFrom as day } from "@/lib/calendar";
import { formatSortableMoment } from "@/lib/calendar-zones";
import { buildMatrix, matrixHref, normalizeName } from "@/lib/features/cohort-progress/utils";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { csvCell, csvFilename, toCsv } from "@/lib/csv";

describe("CSV cells (docs/security.md #18)", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "\"'\r=1\""],
  ])("prefixes a formula start with an apostrophe: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("Park, Lena")).toBe('"Park, Lena"');
    expect(csvCell('She said "ship it"')).toBe('"She said ""ship it"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("Lucía Fernández")).toBe("Lucía Fernández");
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
  });

  it("writes CRLF rows behind a byte-order mark", () => {
    expect(toCsv([["a", "b"], ["=c", "d,e"]])).toBe("\uFEFFa,b\r\n'=c,\"d,e\"\r\n");
  });

  it("names files in ASCII and dates rows on the cohort's clock", () => {
    expect(csvFilename("MLOps Cohort 2027 — Été", "progress", "2027-03-10")).toBe("mlops-cohort-2027-ete-progress-2027-03-10.csv");
    expect(csvFilename("///", "reviews", "2027-03-10")).toBe("cohort-reviews-2027-03-10.csv");
    expect(formatSortableMoment(new Date("2027-03-01T07:30:00Z"), "America/Los_Angeles")).toBe("2027-02-28 23:30");
  });
});

describe("the matrix for a query", () => {
  const structure: CohortStructure = {
    id: "c",
    name: "C",
    startDate: day("2027-01-04"),
    weeksPerPhase: 2,
    inactivityDays: 7,
    behindPaceBy: 2,
    changesRequestedDays: 5,
    phaseSlippedDays: 7,
    timezone: "UTC",
    versionId: "v",
    roadmapTitle: "R",
    versionNumber: 1,
    phases: [
      { key: "p1", number: 1, title: "One", milestones: [{ key: "a", title: "A", code: "1.1", reviewRequired: false }, { key: "b", title: "B", code: "1.2", reviewRequired: true }] },
      { key: "p2", number: 2, title: "Two", milestones: [{ key: "c", title: "C", code: "2.1", reviewRequired: false }] },
    ],
    projects: [],
    titles: new Map([["a", "A"], ["b", "B"], ["c", "C"]]),
    criteria: [],
  };
  const learner = (name: string, statuses: Record<string, ProgressStatus>, risks = 0, severity: LearnerStanding["severity"] = null) => ({
    row: { membershipId: name, name, statuses: new Map(Object.entries(statuses)) } as unknown as LearnerRow,
    standing: {
      risks: Array.from({ length: risks }, () => ({ kind: "inactive", severity: severity ?? "watch", reason: "x" })),
      severity: risks > 0 ? (severity ?? "watch") : null,
    } as unknown as LearnerStanding,
  });
  const learners = [
    learner("Lucía Fernández", { a: "done", b: "approved", c: "in_progress" }),
    learner("Amara Okafor", { a: "done" }, 2),
    learner("Bruno Costa", { a: "done", b: "submitted", c: "done" }, 1),
  ];
  const query = (change: Partial<MatrixQuery> = {}): MatrixQuery => ({ q: "", phase: "", sort: "name", atRisk: false, page: 1, ...change });

  it("sorts by name, by progress either way, or at-risk first", () => {
    const names = (q: MatrixQuery) => buildMatrix(structure, learners, q).rows.map((row) => row.name);
    expect(names(query())).toEqual(["Amara Okafor", "Bruno Costa", "Lucía Fernández"]);
    expect(names(query({ sort: "progress" }))).toEqual(["Amara Okafor", "Bruno Costa", "Lucía Fernández"]);
    expect(names(query({ sort: "progress-desc" }))).toEqual(["Bruno Costa", "Lucía Fernández", "Amara Okafor"]);
    expect(names(query({ sort: "risk" }))).toEqual(["Amara Okafor", "Bruno Costa", "Lucía Fernández"]);
  });

  it("puts At risk before Watch however many flags each has, then more flags first", () => {
    const mixed = [
      learner("Watch Twice", { a: "done" }, 2, "watch"),
      learner("At Risk Once", { a: "done", b: "done" }, 1, "at_risk"),
      learner("Watch Once", { a: "done" }, 1, "watch"),
      learner("Fine", {}),
    ];
    expect(buildMatrix(structure, mixed, query({ sort: "risk" })).rows.map((row) => row.name)).toEqual([
      "At Risk Once",
      "Watch Twice",
      "Watch Once",
      "Fine",
    ]);
  });

  it("filters by phase, accent-blind name search and at-risk, with totals over every match", () => {
    const phase = buildMatrix(structure, learners, query({ phase: "p2" }));
    expect(phase.columns.map((column) => column.key)).toEqual(["p2"]);
    expect(phase.rows.map((row) => [row.name, row.statuses, row.completed])).toEqual([
      ["Amara Okafor", ["not_started"], 0],
      ["Bruno Costa", ["done"], 1],
      ["Lucía Fernández", ["in_progress"], 0],
    ]);
    expect(buildMatrix(structure, learners, query({ q: "lucia" })).rows.map((row) => row.name)).toEqual(["Lucía Fernández"]);
    expect(normalizeName("  ÉLODIE ")).toBe("elodie");
    const risky = buildMatrix(structure, learners, query({ atRisk: true }));
    expect(risky.matched).toBe(2);
    expect(risky.columnTotals).toEqual([2, 0, 1]);
  });

  it("pages the rows and clamps a page past the end; an unknown phase shows every phase", () => {
    const second = buildMatrix(structure, learners, query({ page: 2 }), 2);
    expect(second.rows.map((row) => row.name)).toEqual(["Lucía Fernández"]);
    expect([second.offset, second.pageCount, second.matched]).toEqual([2, 2, 3]);
    expect(buildMatrix(structure, learners, query({ page: 9 }), 2).query.page).toBe(2);
    const stale = buildMatrix(structure, learners, query({ phase: "gone" }));
    expect([stale.columns.length, stale.query.phase]).toEqual([2, ""]);
    expect(buildMatrix(structure, learners, query({ q: "x", phase: "p1", sort: "risk", atRisk: true, page: 3 }), 2).columnTotals).toEqual([0, 0]);
  });

  it("shows the portfolio projects after the phases as P1, P2…, counted in Done, and filters to them alone", () => {
    const withProjects = { ...structure, projects: [{ key: "x", title: "Batch pipeline" }, { key: "y", title: "Drift job" }] };
    const people = [learner("Amara Okafor", { a: "done", x: "approved", y: "submitted" })];
    const all = buildMatrix(withProjects, people, query());
    expect(all.columns.map((column) => [column.key, column.number, column.title])).toEqual([
      ["p1", 1, "One"],
      ["p2", 2, "Two"],
      ["projects", 0, "Portfolio projects"],
    ]);
    expect(all.columns[2]!.milestones.map((project) => [project.code, project.title])).toEqual([
      ["P1", "Batch pipeline"],
      ["P2", "Drift job"],
    ]);
    expect(all.rows[0]!.statuses).toEqual(["done", "not_started", "not_started", "approved", "submitted"]);
    expect([all.rows[0]!.completed, all.rows[0]!.shown]).toEqual([2, 5]);
    const projects = buildMatrix(withProjects, people, query({ phase: "projects" }));
    expect([projects.query.phase, projects.columns.map((column) => column.key), projects.columnTotals]).toEqual([
      "projects",
      ["projects"],
      [1, 0],
    ]);
    expect(buildMatrix(structure, people, query()).columns.map((column) => column.key)).toEqual(["p1", "p2"]);
  });

  it("keeps default parameters out of links", () => {
    expect(matrixHref("/cohorts/c", query())).toBe("/cohorts/c");
    expect(matrixHref("/cohorts/c", query({ q: "Lena Park", sort: "risk" }), { atRisk: true, page: 2 })).toBe(
      "/cohorts/c?q=Lena+Park&sort=risk&risk=1&page=2",
    );
  });
});
