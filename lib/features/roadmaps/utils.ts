import { ROADMAP_LIMITS, ROADMAP_SECTION_PATTERNS } from "@/lib/features/roadmaps/constants";
import type {
  ChangeKind,
  ChangedItem,
  ChangeSummary,
  CodeFenceLineKind,
  CodeFenceScan,
  RoadmapDocument,
  RoadmapExportFormat,
  RoadmapImportCounts,
  RoadmapKeyChanges,
  RoadmapPath,
} from "@/lib/features/roadmaps/types";

// Pure and isomorphic: the editor's client components import this file, so it never imports a format
// (json.ts, markdown.ts) or the document schema.

/** A nested Prisma select of a version's live (not archived) phases, milestones or projects, in roadmap order. */
export function liveInOrder<S>(select: S) {
  return { where: { archivedAt: null }, orderBy: { position: "asc" as const }, select };
}

/** The refusal when a roadmap already has an open draft (a roadmap has at most one). */
export function openDraftMessage(number: number): string {
  return `Version ${number} is still a draft — publish or discard it before importing.`;
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

const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lower-case ASCII words joined by "-", cut at a word boundary to `maxLength`; "" when nothing is left. */
export function slugify(text: string, maxLength: number = ROADMAP_LIMITS.keyLength): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => TRANSLITERATIONS[letter] ?? "")
    .replace(/['’‘`]/g, "");
  const words = ascii.replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      if (slug === "") slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

export function isReservedSectionTitle(title: string): boolean {
  const text = title.trim();
  return Object.values(ROADMAP_SECTION_PATTERNS).some((pattern) => pattern.test(text));
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/s;
const FENCE_CLOSE = /^(`{3,}|~{3,})$/;

/**
 * Finds fenced code blocks. Indentation is ignored on purpose: the same scan runs over a whole file (where
 * descriptions are indented) and over a single field (where they are not), and both must agree.
 */
export function scanCodeFences(lines: readonly string[]): CodeFenceScan {
  const kinds: CodeFenceLineKind[] = [];
  const openedAt: number[] = [];
  let open: { index: number; char: string; length: number } | null = null;
  for (const [index, line] of lines.entries()) {
    if (open) {
      // Matched on the trimmed line: a pattern with whitespace on both sides of the run backtracks quadratically.
      const fence = FENCE_CLOSE.exec(line.trim())?.[1];
      const closes = fence !== undefined && fence[0] === open.char && fence.length >= open.length;
      kinds.push(closes ? "fence-close" : "fence-body");
      openedAt.push(open.index);
      if (closes) open = null;
      continue;
    }
    const start = FENCE_OPEN.exec(line);
    const fence = start?.[1];
    // A backtick fence's info string cannot contain backticks (CommonMark): "```a```" is inline code.
    if (fence !== undefined && !(fence[0] === "`" && (start?.[2] ?? "").includes("`"))) {
      open = { index, char: fence[0] ?? "`", length: fence.length };
      kinds.push("fence-open");
      openedAt.push(index);
      continue;
    }
    kinds.push("text");
    openedAt.push(-1);
  }
  return { kinds, openedAt, unclosedAt: open?.index ?? null };
}

/** The canonical form of a Markdown field; see the comment at the top of this file. */
export function normalizeMarkdownBlock(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => (/^[ \t]*$/.test(line) ? "" : line));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** `phases[0].milestones[2].key` */
export function formatRoadmapPath(path: RoadmapPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text === "" ? part : `${text}.${part}`),
    "",
  );
}

/** A key for a new item: the slug of its title, made unique with "-2", "-3"… among the keys already taken. */
export function uniqueKey(title: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(title, 50) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Moves one entry of a list by `offset` places (clamped); the list itself is not changed. */
export function moveInList<T>(list: readonly T[], index: number, offset: number): T[] {
  const target = Math.min(list.length - 1, Math.max(0, index + offset));
  const copy = [...list];
  copy.splice(target, 0, ...copy.splice(index, 1));
  return copy;
}

/**
 * "3 added · 1 changed · 2 archived", or "No changes". `edits` counts every change the publish dialog lists
 * (reorders, the weekly rule, criteria…): when none of them adds, changes or archives an item, the line says how many.
 */
export function describeChanges(summary: ChangeSummary, edits = 0): string {
  const parts = [
    summary.added.length ? `${summary.added.length} added` : "",
    summary.changed.length ? `${summary.changed.length} changed` : "",
    summary.archived.length ? `${summary.archived.length} archived` : "",
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(" · ");
  return edits > 0 ? `${edits} ${edits === 1 ? "edit" : "edits"}` : "No changes";
}
