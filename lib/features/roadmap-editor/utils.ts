import { slugify } from "@/lib/features/roadmaps/markdown";
import type { ChangeSummary } from "@/lib/features/roadmaps/types";

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
