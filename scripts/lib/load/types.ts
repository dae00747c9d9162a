// What the load run's orchestrator (scripts/load.ts) hands its pinned generator process, and what comes back.

export type ReviewAction = "claim" | "decide";
export type Decision = "approve" | "request_changes";

export type PlannedRequest = {
  /** Row of the report: "roadmap page", "tick milestone", "claim"… */
  category: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A learner ticking a milestone: the generator alternates "complete" and "reopen" for each pair. */
  tick?: { pair: string; cohortId: string; itemKey: string; first: "complete" | "reopen" };
  /** A mentor's claim or decision; acknowledged decisions are checked against the database afterwards. */
  review?: { action: ReviewAction; submissionId: string; mentorId: string; decision?: Decision };
};

export type RunConfig = {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  /** Offered requests per second over all connections; none means as fast as the server answers. */
  rate?: number;
  /**
   * With `rate`: each connection sends at its own moment of the second (evenly spaced, with a random jitter), as
   * people acting independently do. Without it, autocannon sends every connection's share at the top of each second,
   * so the requests of a second arrive together.
   */
  spread?: boolean;
  timeoutSeconds: number;
  /** Cycled in order by all connections together. */
  schedule: PlannedRequest[];
};

/**
 * An action's answer as the browser would see it: "ok", an expected refusal ("CONFLICT", "INVALID_STATE"…), or a
 * failure on the server's side ("INTERNAL" from the action's own error handler, "server-error" for a 5xx or an
 * error row in the RSC stream, "unreadable" when the body is not an action result).
 */
export type ActionOutcome = "ok" | "server-error" | "unreadable" | string;

export type CategoryResult = {
  sent: number;
  answered: number;
  status: Record<string, number>;
  outcomes: Record<ActionOutcome, number>;
  /** Milliseconds from writing the request to the end of the response, one per answered request. */
  latencies: number[];
};

export type AcknowledgedDecision = { submissionId: string; mentorId: string; decision: Decision };

export type RunResult = {
  name: string;
  startedAt: string;
  durationSeconds: number;
  connections: number;
  rate?: number;
  categories: Record<string, CategoryResult>;
  timeouts: number;
  connectionErrors: number;
  /** Successful ticks per pair, to compare with the rows' lock versions afterwards. */
  ticks: Record<string, number>;
  decisions: AcknowledgedDecision[];
  /** The first server-side failures, with what the response said. */
  failures: { category: string; status: number; detail: string }[];
  /** autocannon's own summary; its latency applies its coordinated-omission correction (docs/reliability.md). */
  autocannon: { latencyP50: number; latencyP97_5: number; latencyP99: number; requestsPerSecond: number };
};

/** A fact about the database checked after a run. */
export type Check = { name: string; ok: boolean; detail: string };
