import { parseRoadmapJson, serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import type {
  ChangeKind,
  ChangedItem,
  ChangeSummary,
  RoadmapDocument,
  RoadmapImportCounts,
  RoadmapImportFormat,
  RoadmapImportProblem,
  RoadmapKeyChanges,
  RoadmapParseResult,
} from "@/lib/features/roadmaps/types";

/** Picks the format by file name: `.json` is the JSON export, anything else is Markdown. */
export function parseRoadmapFile(fileName: string, text: string): RoadmapParseResult {
  return fileName.toLowerCase().endsWith(".json") ? parseRoadmapJson(text) : parseRoadmapMarkdown(text);
}

/** A nested Prisma select of a version's live (not archived) phases, milestones or projects, in roadmap order. */
export function liveInOrder<S>(select: S) {
  return { where: { archivedAt: null }, orderBy: { position: "asc" as const }, select };
}

/** The refusal when a roadmap already has an open draft (a roadmap has at most one). */
export function openDraftMessage(number: number): string {
  return `Version ${number} is still a draft — publish or discard it before importing.`;
}

/** Parses pasted or uploaded text in the chosen format; problems are located by line or by JSON path. */
export function parseRoadmapImport(
  format: RoadmapImportFormat,
  text: string,
): { ok: true; document: RoadmapDocument } | { ok: false; problems: RoadmapImportProblem[] } {
  const parsed = format === "json" ? parseRoadmapJson(text) : parseRoadmapMarkdown(text);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.errors.map((error) =>
      error.path && error.message.startsWith(`${error.path}: `)
        ? { where: error.path, message: error.message.slice(error.path.length + 2) }
        : { where: `Line ${error.line}`, message: error.message },
    ),
  };
}

export function countRoadmapDocument(document: RoadmapDocument): RoadmapImportCounts {
  return {
    phases: document.phases.length,
    milestones: document.phases.reduce((sum, phase) => sum + phase.milestones.length, 0),
    projects: document.projects.length,
    weeklyRule: document.weeklyRule.length,
    criteria: document.criteria.length,
    notes: document.notes.length,
  };
}

/** JSON with object keys sorted: the database hands JSON columns back with its own key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Milestone and project keys added, changed (any field, or moved to another phase) and removed between two
 * versions. Progress hangs off these keys, so this is what an admin checks before replacing a version.
 */
export function compareRoadmapKeys(
  previous: RoadmapDocument,
  next: RoadmapDocument,
): Omit<RoadmapKeyChanges, "comparedWith"> {
  const summary = diffDocuments(previous, next);
  const keys = (items: ChangedItem[]) => items.filter((item) => item.kind !== "phase").map((item) => item.key);
  return { added: keys(summary.added), changed: keys(summary.changed), removed: keys(summary.archived) };
}

export type RoadmapExportFormat = "md" | "json";

/** The file an export sends: `<slug>-v<N>.md` or `.json`. */
export function roadmapExportFile(document: RoadmapDocument, number: number, format: RoadmapExportFormat) {
  return format === "json"
    ? {
        fileName: `${document.slug}-v${number}.json`,
        contentType: "application/json; charset=utf-8",
        body: serializeRoadmapJson(document),
      }
    : {
        fileName: `${document.slug}-v${number}.md`,
        contentType: "text/markdown; charset=utf-8",
        body: serializeRoadmapMarkdown(document),
      };
}

export function roadmapExportHref(roadmapId: string, number: number, format: RoadmapExportFormat): string {
  return `/admin/roadmaps/${encodeURIComponent(roadmapId)}/export?version=${number}&format=${format}`;
}

/** Where an imported draft opens: the roadmap editor. */
export function roadmapVersionHref(roadmapId: string, number: number): string {
  return `/admin/roadmaps/${encodeURIComponent(roadmapId)}/versions/${number}`;
}

type Entry = { kind: ChangeKind; key: string; title: string; content: string };

function entries(document: RoadmapDocument): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const { milestones, ...phase } of document.phases) {
    map.set(`phase:${phase.key}`, { kind: "phase", key: phase.key, title: phase.title, content: stableJson(phase) });
    for (const milestone of milestones) {
      // A milestone that moves to another phase has changed for the learners who follow it.
      const content = stableJson({ ...milestone, phase: phase.key });
      map.set(`item:${milestone.key}`, { kind: "milestone", key: milestone.key, title: milestone.title, content });
    }
  }
  for (const project of document.projects) {
    map.set(`item:${project.key}`, { kind: "project", key: project.key, title: project.title, content: stableJson(project) });
  }
  return map;
}

const item = ({ kind, key, title }: Entry): ChangedItem => ({ kind, key, title });

/**
 * Added / changed / archived phases, milestones and projects between two versions, matched by key (the identity
 * progress hangs on). Order within a list is not a change; archived means "live before, not live now".
 */
export function diffDocuments(previous: RoadmapDocument | null, next: RoadmapDocument): ChangeSummary {
  const before = previous ? entries(previous) : new Map<string, Entry>();
  const after = entries(next);
  const summary: ChangeSummary = { added: [], changed: [], archived: [] };
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (!old || old.kind !== entry.kind) summary.added.push(item(entry));
    else if (old.content !== entry.content) summary.changed.push(item(entry));
  }
  for (const [id, entry] of before) {
    const now = after.get(id);
    if (!now || now.kind !== entry.kind) summary.archived.push(item(entry));
  }
  return summary;
}
