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
