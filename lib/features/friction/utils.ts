// Pure helpers of the friction view: rows from the database's figures, the friction score, the worst offenders,
// the sorts, the CSV and the note a roadmap export carries.
import { formatDay, type Day } from "@/lib/calendar";
import { FRICTION_CSV_HEADER, PROJECTS_PHASE, WORST_COUNT } from "@/lib/features/friction/constants";
import type { FrictionFigures, FrictionItem, FrictionStructure } from "@/lib/features/friction/data";
import type { FrictionRow, FrictionSort } from "@/lib/features/friction/types";
import { csvFilename, toCsv, type CsvFile } from "@/lib/csv";

/** An item of the version in roadmap order, with what its row shows besides the figures. */
export type FrictionListItem = FrictionItem & { code: string; phase: string; kind: FrictionRow["kind"] };

/** Milestones phase by phase ("1.2"), then the portfolio projects ("P1"). */
export function frictionItems(structure: Pick<FrictionStructure, "phases" | "projects">): FrictionListItem[] {
  return [
    ...structure.phases.flatMap((phase, index) =>
      phase.milestones.map((milestone, position) => ({
        ...milestone,
        code: `${index + 1}.${position + 1}`,
        phase: phase.title,
        kind: "milestone" as const,
      })),
    ),
    ...structure.projects.map((project, index) => ({ ...project, code: `P${index + 1}`, phase: PROJECTS_PHASE, kind: "project" as const })),
  ];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The friction score of an item, from 0 to 3: three shares of what makes people stall there, added up.
 * - the share of the learners who started it who are stalled there now (stalled ÷ started);
 * - the share of those who attempted it who needed more than one attempt (retryShare);
 * - how much slower than the roadmap's typical item it is to finish: its median days to done over the median
 *   of every item's median, minus 1, between 0 and 1 (twice as slow or more counts fully; faster counts nothing).
 * The review wait is left out on purpose: waiting for a mentor is the mentors' friction, not the roadmap's. An item
 * nobody started scores 0, so it is never a worst offender.
 */
export function frictionScore(
  row: Pick<FrictionRow, "started" | "stalled" | "retryShare" | "medianDays">,
  typicalDays: number | null,
): number {
  if (row.started === 0) return 0;
  const stalledShare = row.stalled / row.started;
  const slowness =
    row.medianDays !== null && typicalDays !== null && typicalDays > 0 ? Math.min(1, Math.max(0, row.medianDays / typicalDays - 1)) : 0;
  return twoDecimals(stalledShare + (row.retryShare ?? 0) + slowness);
}

/**
 * One row per item in roadmap order, with the score and the worst offenders marked: the WORST_COUNT highest
 * non-zero scores (ties: more learners stalled first, then roadmap order).
 */
export function frictionRows(
  items: FrictionListItem[],
  figures: FrictionFigures[],
  editHref: ((item: FrictionListItem) => string) | null,
): FrictionRow[] {
  const byKey = new Map(figures.map((figure) => [figure.key, figure]));
  const rows = items.map((item): FrictionRow => {
    const figure = byKey.get(item.key);
    const days = figure?.days ?? null;
    const attempted = figure?.attempted ?? 0;
    const retried = figure?.retried ?? 0;
    return {
      key: item.key,
      code: item.code,
      title: item.title,
      phase: item.phase,
      kind: item.kind,
      started: figure?.started ?? 0,
      completed: figure?.completed ?? 0,
      medianDays: days ? oneDecimal(days[1]) : null,
      quartileDays: days ? [oneDecimal(days[0]), oneDecimal(days[2])] : null,
      attempted,
      retried,
      retryShare: attempted > 0 ? retried / attempted : null,
      medianWaitHours: figure?.medianWaitHours == null ? null : oneDecimal(figure.medianWaitHours),
      current: figure?.current ?? 0,
      stalled: figure?.stalled ?? 0,
      score: 0,
      worst: false,
      editHref: editHref ? editHref(item) : null,
    };
  });
  const typicalDays = median(rows.flatMap((row) => (row.medianDays === null ? [] : [row.medianDays])));
  for (const row of rows) row.score = frictionScore(row, typicalDays);
  const ranked = sortFrictionRows(rows, "friction").filter((row) => row.score > 0);
  for (const row of ranked.slice(0, WORST_COUNT)) row.worst = true;
  return rows;
}

/** Larger first, unknown (null) last. */
function descending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

const SORT_KEYS: Record<Exclude<FrictionSort, "order">, ((row: FrictionRow) => number | null)[]> = {
  friction: [(row) => row.score, (row) => row.stalled],
  time: [(row) => row.medianDays],
  retries: [(row) => row.retryShare, (row) => row.retried],
  wait: [(row) => row.medianWaitHours],
  current: [(row) => row.current],
  stalled: [(row) => row.stalled],
};

/**
 * `rows` (given in roadmap order) sorted: worst first for every sort but "order", unknown figures last, ties in
 * roadmap order.
 */
export function sortFrictionRows(rows: FrictionRow[], sort: FrictionSort): FrictionRow[] {
  if (sort === "order") return [...rows];
  const keys = SORT_KEYS[sort];
  const position = new Map(rows.map((row, index) => [row.key, index]));
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = descending(key(a), key(b));
      if (order !== 0) return order;
    }
    return position.get(a.key)! - position.get(b.key)!;
  });
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** The friction table as CSV, in roadmap order; `name` names the file (a cohort, or a roadmap and version). */
export function frictionCsv(name: string, rows: FrictionRow[], today: Day): CsvFile {
  const body = rows.map((row) => [
    row.code,
    row.title,
    row.phase,
    row.started,
    row.completed,
    row.medianDays,
    row.quartileDays?.[0],
    row.quartileDays?.[1],
    row.attempted,
    row.retried,
    percent(row.retryShare),
    row.medianWaitHours,
    row.current,
    row.stalled,
  ]);
  return { filename: csvFilename(name, "friction", today), body: toCsv([[...FRICTION_CSV_HEADER], ...body]) };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A table cell: one line, and a `|` that does not end the cell. */
const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");

/**
 * The body of the "Friction" note a roadmap's Markdown export carries when an author asks for it: who the figures
 * come from and a table in roadmap order, the worst offenders in bold. Rows that would take the body past
 * `maxLength` (the limit of a note's body, so the file still imports) are left out, and a last line says how many.
 */
export function frictionNoteBody(
  rows: FrictionRow[],
  figuresFrom: { learners: number; cohorts: number; versionNumber: number; today: Day },
  maxLength: number,
): string {
  const { learners, cohorts, versionNumber, today } = figuresFrom;
  const head = [
    `Figures from ${plural(learners, "learner")} in ${plural(cohorts, "cohort")} on version ${versionNumber}, as of ${formatDay(today)}. ` +
      "Rows in bold are the worst offenders: the most learners stalled there, needing more than one attempt, and " +
      "slower to finish than the roadmap's typical milestone.",
    "",
    "| Code | Milestone | Median days to done | Needed more than one attempt | Median review wait | On it now | Stalled there |",
    "|---|---|---|---|---|---|---|",
  ];
  const lines = rows.map((row) => {
    const strong = (text: string) => (row.worst ? `**${text}**` : text);
    const retries = row.retryShare === null ? "—" : `${row.retried} of ${row.attempted} (${percent(row.retryShare)}%)`;
    const cells = [
      strong(row.code),
      strong(cell(row.title)),
      row.medianDays === null ? "—" : String(row.medianDays),
      retries,
      row.medianWaitHours === null ? "—" : `${row.medianWaitHours} h`,
      String(row.current),
      String(row.stalled),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const kept: string[] = [];
  let length = head.join("\n").length;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1;
    // Room for this line and, unless it is the last, the line that says how many were left out.
    const reserve = left > 0 ? 120 : 0;
    if (length + 1 + line.length + reserve > maxLength) break;
    kept.push(line);
    length += 1 + line.length;
  }
  const leftOut = lines.length - kept.length;
  const tail = leftOut > 0 ? ["", `${plural(leftOut, "more item")} left out to keep this note within the import limit; the CSV export lists every item.`] : [];
  return [...head, ...kept, ...tail].join("\n");
}
