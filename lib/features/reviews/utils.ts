import type { QueueFilters } from "@/lib/features/reviews/schema";
import { plural } from "@/lib/plural";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "under a minute", "12 minutes", "5 hours", "2 days": whole units, rounded down, like a person would say it. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE_MS) return "under a minute";
  if (ms < HOUR_MS) return plural(Math.floor(ms / MINUTE_MS), "minute");
  if (ms < 2 * DAY_MS) return plural(Math.floor(ms / HOUR_MS), "hour");
  return plural(Math.floor(ms / DAY_MS), "day");
}

export type Waiting = {
  /** "2 days" */
  waited: string;
  overdue: boolean;
  /** How far past the target ("1 day"), when overdue. */
  overdueBy: string | null;
  /** How long until the target ("5 hours"), when not overdue. */
  left: string | null;
};

/** Time an attempt has waited against the cohort's review target (docs/product.md, "Domain": hours, default 72). */
export function waitingFor(submittedAt: Date, now: Date, targetHours: number): Waiting {
  const waitedMs = Math.max(0, now.getTime() - submittedAt.getTime());
  const targetMs = targetHours * HOUR_MS;
  const overdue = waitedMs > targetMs;
  return {
    waited: formatDuration(waitedMs),
    overdue,
    overdueBy: overdue ? formatDuration(waitedMs - targetMs) : null,
    left: overdue ? null : formatDuration(targetMs - waitedMs),
  };
}

/** The queue's query string ("?cohort=…&phase=…"), kept across the queue, the review screen and `n`. */
export function queueQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.cohort) params.set("cohort", filters.cohort);
  if (filters.phase) params.set("phase", filters.phase);
  if (filters.learner) params.set("learner", filters.learner);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** A case-insensitive "contains" pattern for ILIKE, with the learner's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * What the "Done when" checklist writes into the comment box: the criteria the mentor ticked under "Met:", the
 * others under "Not yet:", as Markdown lists (a criterion's line breaks become spaces, so each stays one bullet).
 */
export function checklistFeedback(criteria: readonly string[], checked: readonly boolean[]): string {
  const bullets = (met: boolean) =>
    criteria.filter((_, index) => (checked[index] ?? false) === met).map((criterion) => `- ${criterion.replace(/\s+/g, " ").trim()}`);
  const met = bullets(true);
  const notYet = bullets(false);
  return [met.length > 0 ? ["**Met:**", ...met].join("\n") : "", notYet.length > 0 ? ["**Not yet:**", ...notYet].join("\n") : ""]
    .filter((part) => part !== "")
    .join("\n\n");
}

export type ChecklistDraft = {
  comment: string;
  /** The text the checklist last wrote into the box, or null before the first tick. */
  written: string | null;
  /** The mentor changed what the checklist wrote, so it no longer writes. */
  detached: boolean;
};

/**
 * The comment box after a checkbox changed (docs/decisions/045-one-comment-box-and-a-review-checklist.md). The
 * checklist owns exactly the text it last wrote: while that text still stands in the box character for character
 * as paragraphs of its own (nothing typed on its lines or on the line right under it), it is replaced in place;
 * once the mentor has changed any of it, the box is left alone. The first tick puts the text above whatever was
 * typed; a box emptied by hand starts over. Typed text is never changed.
 */
export function applyChecklist(comment: string, written: string | null, next: string): ChecklistDraft {
  if (comment.trim() === "") return { comment: next, written: next, detached: false };
  if (written === null) return { comment: `${next}\n\n${comment}`, written: next, detached: false };
  for (let at = comment.indexOf(written); at >= 0; at = comment.indexOf(written, at + 1)) {
    const before = comment.slice(0, at);
    const after = comment.slice(at + written.length);
    if ((before === "" || before.endsWith("\n")) && (after.trim() === "" || after.startsWith("\n\n"))) {
      return { comment: before + next + after, written: next, detached: false };
    }
  }
  return { comment, written, detached: true };
}

/** The decision a checklist points to: every criterion met → approve; any not yet → request changes. */
export function suggestedDecision(checked: readonly boolean[]): "approve" | "request_changes" {
  return checked.every(Boolean) ? "approve" : "request_changes";
}

/** `text` with `insertion` in place of the selection from `start` to `end`, and where the cursor lands after it. */
export function insertAtCursor(text: string, start: number, end: number, insertion: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insertion + text.slice(to), cursor: from + insertion.length };
}
