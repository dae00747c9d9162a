import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { slugify } from "@/lib/features/roadmaps/markdown";
import type { ChangeKind, ChangedItem, ChangeSummary } from "@/lib/features/roadmap-editor/types";

type Entry = { kind: ChangeKind; key: string; title: string; content: string };

function entries(document: RoadmapDocument): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const { milestones, ...phase } of document.phases) {
    map.set(`phase:${phase.key}`, { kind: "phase", key: phase.key, title: phase.title, content: JSON.stringify(phase) });
    for (const milestone of milestones) {
      // A milestone that moves to another phase has changed for the learners who follow it.
      const content = JSON.stringify({ ...milestone, phase: phase.key });
      map.set(`item:${milestone.key}`, { kind: "milestone", key: milestone.key, title: milestone.title, content });
    }
  }
  for (const project of document.projects) {
    map.set(`item:${project.key}`, { kind: "project", key: project.key, title: project.title, content: JSON.stringify(project) });
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

export function countChanges(summary: ChangeSummary): number {
  return summary.added.length + summary.changed.length + summary.archived.length;
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

/** "3 added · 1 changed · 2 archived", or "No changes". */
export function describeChanges(summary: ChangeSummary): string {
  const parts = [
    summary.added.length ? `${summary.added.length} added` : "",
    summary.changed.length ? `${summary.changed.length} changed` : "",
    summary.archived.length ? `${summary.archived.length} archived` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "No changes";
}
