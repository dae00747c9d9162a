// Pure helpers of the cohort views: a learner's standing, the matrix (filter, sort, page, totals) and CSV.
import { addDays, dateOfDay, type Day, weekStartOf } from "@/lib/calendar";
import { formatSortableMoment } from "@/lib/calendar-zones";
import { MATRIX_PAGE_SIZE, NOT_FOUND_BODY, PROJECTS_GROUP, RISK_SEVERITY_LABELS } from "@/lib/features/cohort-progress/constants";
import { assessRisk, severityRank, worstSeverity } from "@/lib/features/cohort-progress/policy";
import type { CohortOverview, CohortProgressJson, CohortStructure, LearnerRow, LearnerStanding, MatrixPhase, MatrixQuery, MatrixRow } from "@/lib/features/cohort-progress/types";
import { COMPLETE_STATUSES, STATUS_LABELS } from "@/lib/features/progress/constants";
import { targetDates } from "@/lib/features/progress/utils";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { csvFilename, toCsv, type CsvFile } from "@/lib/csv";

export function statusOf(row: Pick<LearnerRow, "statuses">, key: string): ProgressStatus {
  return row.statuses.get(key) ?? "not_started";
}

type Targets = ReturnType<typeof targetDates>;

/**
 * Target dates of every live milestone for one learner (their start and extension), in roadmap order. Most
 * learners of a cohort share a start and an extension, so a cohort-wide `memo` computes each pacing once.
 */
export function learnerTargets(
  structure: CohortStructure,
  row: Pick<LearnerRow, "startDate" | "extensionDays">,
  memo?: Map<string, Targets>,
): Targets {
  const id = `${row.startDate}+${row.extensionDays}`;
  const known = memo?.get(id);
  if (known) return known;
  const targets = targetDates(
    structure.phases.map((phase) => phase.milestones.length),
    { startDate: row.startDate, weeksPerPhase: structure.weeksPerPhase, extensionDays: row.extensionDays },
  );
  memo?.set(id, targets);
  return targets;
}

/** Totals, pacing and at-risk flags of one learner on the cohort's current roadmap. */
export function learnerStanding(
  structure: CohortStructure,
  row: LearnerRow,
  today: Day,
  memo?: Map<string, Targets>,
): LearnerStanding {
  const targets = learnerTargets(structure, row, memo);
  const open = structure.phases.map(() => 0);
  const milestones = structure.phases.flatMap((phase, index) =>
    phase.milestones.map((milestone, position) => {
      const complete = COMPLETE_STATUSES.has(statusOf(row, milestone.key));
      if (!complete) open[index]! += 1;
      return { target: targets.milestones[index]![position]!, complete };
    }),
  );
  const phases = structure.phases.map((phase, index) => ({ title: phase.title, target: targets.phases[index]!, open: open[index]! }));
  const deadline = targets.phases.at(-1) ?? null;
  let waiting = 0;
  for (const [key, status] of row.statuses) if (status === "submitted" && structure.titles.has(key)) waiting += 1;
  const risks = assessRisk({
    today,
    startDate: row.startDate,
    joinedOn: row.joinedOn,
    milestones,
    phases,
    deadline,
    inactivityDays: structure.inactivityDays,
    behindPaceBy: structure.behindPaceBy,
    changesRequestedDays: structure.changesRequestedDays,
    phaseSlippedDays: structure.phaseSlippedDays,
    lastActivityOn: row.lastActivityOn,
    activeWeeks: row.activeWeeks,
    checkinParts: row.checkinParts,
    openRequests: row.openRequests.map((request) => ({
      title: structure.titles.get(request.key) ?? request.key,
      decidedOn: request.decidedOn,
    })),
  });
  return {
    completed: milestones.filter((item) => item.complete).length,
    total: milestones.length,
    due: milestones.filter((item) => item.target <= today).length,
    waiting,
    deadline,
    risks,
    severity: worstSeverity(risks),
  };
}

/** Case- and accent-insensitive, so "lucia" finds "Lucía Fernández". */
export function normalizeName(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase("en").trim();
}

const byName = new Intl.Collator("en", { sensitivity: "base" });

export type StandingRow = { row: LearnerRow; standing: LearnerStanding };

/**
 * The matrix's column groups: the phases, then the portfolio projects ("P1", "P2", …) when the version has any.
 * Projects have no place in the pacing, but a mentor reads the whole portfolio on the same grid.
 */
export function matrixGroups(structure: CohortStructure): MatrixPhase[] {
  if (structure.projects.length === 0) return structure.phases;
  const projects: MatrixPhase = {
    ...PROJECTS_GROUP,
    number: 0,
    milestones: structure.projects.map((project, index) => ({ ...project, code: `P${index + 1}`, reviewRequired: true })),
  };
  return [...structure.phases, projects];
}

/**
 * The matrix for one query: matching learners, sorted, one page of them, and column totals over all matches. Every
 * match is counted and sorted by a number; only the page's rows get their cells. "Done" counts the shown columns.
 */
export function buildMatrix(
  structure: CohortStructure,
  learners: StandingRow[],
  query: MatrixQuery,
  pageSize = MATRIX_PAGE_SIZE,
): CohortOverview["matrix"] {
  // A stale phase key (the roadmap moved on) shows every phase rather than an empty matrix.
  const groups = matrixGroups(structure);
  const picked = groups.filter((group) => group.key === query.phase).slice(0, 1);
  const columns = picked.length > 0 ? picked : groups;
  const phase = picked.length > 0 ? query.phase : "";
  const keys = columns.flatMap((phase) => phase.milestones.map((milestone) => milestone.key));
  const needle = normalizeName(query.q);

  const columnTotals = keys.map(() => 0);
  type Match = StandingRow & { completed: number };
  const matches: Match[] = [];
  for (const { row, standing } of learners) {
    if (needle && !normalizeName(row.name).includes(needle)) continue;
    if (query.atRisk && standing.risks.length === 0) continue;
    let completed = 0;
    for (let index = 0; index < keys.length; index += 1) {
      const status = row.statuses.get(keys[index]!);
      if (status === undefined || !COMPLETE_STATUSES.has(status)) continue;
      completed += 1;
      columnTotals[index]! += 1;
    }
    matches.push({ row, standing, completed });
  }

  // Every match shows the same columns, so the share done orders them as the count does.
  const compareName = (a: Match, b: Match) => byName.compare(a.row.name, b.row.name) || a.row.membershipId.localeCompare(b.row.membershipId);
  const compare: Record<MatrixQuery["sort"], (a: Match, b: Match) => number> = {
    name: compareName,
    progress: (a, b) => a.completed - b.completed || compareName(a, b),
    "progress-desc": (a, b) => b.completed - a.completed || compareName(a, b),
    risk: (a, b) =>
      severityRank(b.standing.severity) - severityRank(a.standing.severity) ||
      b.standing.risks.length - a.standing.risks.length ||
      a.completed - b.completed ||
      compareName(a, b),
  };
  matches.sort(compare[query.sort]);

  const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const offset = (page - 1) * pageSize;
  const rows: MatrixRow[] = matches.slice(offset, offset + pageSize).map(({ row, standing, completed }) => ({
    membershipId: row.membershipId,
    name: row.name,
    statuses: keys.map((key) => statusOf(row, key)),
    completed,
    shown: keys.length,
    standing,
  }));
  return {
    query: { ...query, phase, page },
    columns,
    rows,
    columnTotals,
    matched: matches.length,
    pageCount,
    offset,
  };
}

/** The cohort's headline numbers, over every active learner. */
export function cohortStats(learners: StandingRow[]): CohortOverview["stats"] {
  const percents = learners.map(({ standing }) => (standing.total === 0 ? 0 : (standing.completed / standing.total) * 100));
  return {
    learners: learners.length,
    atRisk: learners.filter(({ standing }) => standing.severity === "at_risk").length,
    watch: learners.filter(({ standing }) => standing.severity === "watch").length,
    waiting: learners.reduce((sum, { standing }) => sum + standing.waiting, 0),
    averagePercent: percents.length === 0 ? 0 : Math.round(percents.reduce((sum, value) => sum + value, 0) / percents.length),
  };
}

/** Query string of the matrix with some parameters changed; defaults are left out so URLs stay short. */
export function matrixHref(base: string, query: MatrixQuery, change: Partial<MatrixQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.phase) params.set("phase", next.phase);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.atRisk) params.set("risk", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/**
 * The progress matrix as CSV: every active learner, every live milestone and portfolio project, status labels as
 * text. Two header rows: titles for people, then stable column keys for scripts (`learner`, `email`, the roadmap's
 * item keys, …; skip the first row to read by key). Only learners below them: totals are a sum away in any tool.
 */
export function progressCsv(structure: CohortStructure, learners: StandingRow[], today: Day): CsvFile {
  const milestones = structure.phases.flatMap((phase) => phase.milestones);
  const items = [
    ...milestones.map((milestone) => ({ key: milestone.key, title: `${milestone.code} ${milestone.title}` })),
    ...structure.projects.map((project) => ({ key: project.key, title: `Project: ${project.title}` })),
  ];
  const sorted = [...learners].sort((a, b) => byName.compare(a.row.name, b.row.name));
  const titles = ["Learner", "Email", "Start date", "Risk level", "At risk", ...items.map((item) => item.title), "Milestones done", "Milestones"];
  const keys = ["learner", "email", "start_date", "risk_level", "at_risk", ...items.map((item) => item.key), "milestones_done", "milestones"];
  const body = sorted.map(({ row, standing }) => [
    row.name,
    row.email,
    row.startDate,
    standing.severity ? RISK_SEVERITY_LABELS[standing.severity] : "",
    standing.risks.map((risk) => `${RISK_SEVERITY_LABELS[risk.severity]}: ${risk.reason}`).join("; "),
    ...items.map((item) => STATUS_LABELS[statusOf(row, item.key)]),
    standing.completed,
    standing.total,
  ]);
  return { filename: csvFilename(structure.name, "progress", today), body: toCsv([titles, keys, ...body]) };
}

/**
 * The progress matrix for scripts (`GET /api/v1/cohorts/{id}/progress`): the same learners, items and statuses as
 * `progressCsv`, with the statuses as their stable names rather than labels.
 */
export function progressJson(structure: CohortStructure, learners: StandingRow[], today: Day): CohortProgressJson {
  const items = [
    ...structure.phases.flatMap((phase) =>
      phase.milestones.map((milestone) => ({ key: milestone.key, title: milestone.title, kind: "milestone" as const, phase: phase.key })),
    ),
    ...structure.projects.map((project) => ({ key: project.key, title: project.title, kind: "project" as const, phase: null })),
  ];
  const sorted = [...learners].sort((a, b) => byName.compare(a.row.name, b.row.name));
  return {
    cohort: { id: structure.id, name: structure.name },
    today,
    items,
    learners: sorted.map(({ row, standing }) => ({
      name: row.name,
      email: row.email,
      startDate: row.startDate,
      completed: standing.completed,
      total: standing.total,
      statuses: Object.fromEntries(items.map((item) => [item.key, statusOf(row, item.key)])),
    })),
  };
}

export type ReviewHistoryRow = {
  decidedAt: Date;
  learnerName: string;
  itemKey: string;
  itemTitle: string | null;
  attempt: number;
  decision: "approve" | "request_changes";
  reviewerName: string;
  comment: string;
};

/** One row per decision, oldest first, dates on the cohort's clock. */
export function reviewHistoryCsv(cohortName: string, timeZone: string, rows: ReviewHistoryRow[], today: Day): CsvFile {
  const header = [`Date (${timeZone})`, "Learner", "Milestone", "Milestone key", "Attempt", "Decision", "Reviewer", "Comment"];
  const body = rows.map((row) => [
    formatSortableMoment(row.decidedAt, timeZone),
    row.learnerName,
    row.itemTitle ?? row.itemKey,
    row.itemKey,
    row.attempt,
    row.decision === "approve" ? "Approved" : "Changes requested",
    row.reviewerName,
    row.comment,
  ]);
  return { filename: csvFilename(cohortName, "reviews", today), body: toCsv([header, ...body]) };
}

/**
 * Whether an API caller asked for CSV: `?format=` decides when given; otherwise an Accept header that names
 * `text/csv` and does not rank JSON above it. Anything else gets JSON, the API's default.
 */
export function wantsCsv(format: "json" | "csv" | undefined, accept: string | null): boolean {
  if (format) return format === "csv";
  const ranked = (accept ?? "")
    .split(",")
    .map((part) => {
      const [type = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const q = parameters.find((parameter) => parameter.startsWith("q="));
      return { type, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0);
  const csv = ranked.find((entry) => entry.type === "text/csv");
  const json = ranked.find((entry) => entry.type === "application/json");
  return csv !== undefined && (json === undefined || csv.q > json.q);
}

/** The same answer for a random id, another cohort and a signed-out caller (docs/product.md, "Roles and scope"). */
export function notFoundResponse(): Response {
  return new Response(NOT_FOUND_BODY, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Lower bound of the timestamps the weekly rule reads: the Monday of the week before last, one more day back
 * so that zones ahead of UTC lose nothing (weeks are then cut exactly, in the cohort's zone, by weekOf).
 */
export function recentSince(today: Day): Date {
  return dateOfDay(addDays(weekStartOf(today), -15));
}
