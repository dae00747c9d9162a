// Figures of a load run: throughput served against offered, latency percentiles, errors by kind, as numbers for
// the JSON file and as Markdown for the terminal and docs/reliability.md.
import { isServerFailure } from "@/scripts/lib/load/action-response";
import type { CategoryResult, Check, RunResult } from "@/scripts/lib/load/types";

export type LatencySummary = { p50: number; p95: number; p99: number; max: number };

export type CategorySummary = {
  answered: number;
  latency: LatencySummary;
  errors: Record<string, number>;
  outcomes: Record<string, number>;
};

export type RunSummary = {
  name: string;
  offered: number | null;
  served: number;
  answered: number;
  latency: LatencySummary;
  /** Failed requests by kind: an HTTP status other than 200, "timeout", "connection", or an action's server failure. */
  errors: Record<string, number>;
  errorCount: number;
  errorRate: number;
  categories: Record<string, CategorySummary>;
  /** autocannon's own latency figures, for comparison with runs made with autocannon's defaults. */
  autocannon: RunResult["autocannon"];
};

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export function summarizeLatency(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
}

function add(into: Record<string, number>, key: string, count: number) {
  if (count > 0) into[key] = (into[key] ?? 0) + count;
}

function categoryErrors(category: CategoryResult): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const [status, count] of Object.entries(category.status)) if (status !== "200") add(errors, status, count);
  for (const [outcome, count] of Object.entries(category.outcomes)) if (isServerFailure(outcome)) add(errors, `action ${outcome}`, count);
  return errors;
}

export function summarizeRun(result: RunResult): RunSummary {
  const categories: Record<string, CategorySummary> = {};
  const errors: Record<string, number> = {};
  const all: number[] = [];
  let answered = 0;
  for (const [name, category] of Object.entries(result.categories)) {
    const own = categoryErrors(category);
    for (const [kind, count] of Object.entries(own)) add(errors, kind, count);
    categories[name] = { answered: category.answered, latency: summarizeLatency(category.latencies), errors: own, outcomes: category.outcomes };
    all.push(...category.latencies);
    answered += category.answered;
  }
  add(errors, "timeout", result.timeouts);
  add(errors, "connection", result.connectionErrors);
  const errorCount = Object.values(errors).reduce((sum, count) => sum + count, 0);
  const attempted = answered + result.timeouts + result.connectionErrors;
  return {
    name: result.name,
    offered: result.rate ?? null,
    served: answered / result.durationSeconds,
    answered,
    latency: summarizeLatency(all),
    errors,
    errorCount,
    errorRate: attempted === 0 ? 0 : errorCount / attempted,
    categories,
    autocannon: result.autocannon,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One row for several rounds of the same run: the median of each figure, errors added up. */
export function medianOf(rounds: RunSummary[], name: string): RunSummary {
  const errors: Record<string, number> = {};
  for (const round of rounds) for (const [kind, count] of Object.entries(round.errors)) add(errors, kind, count);
  const pick = (figure: (run: RunSummary) => number) => median(rounds.map(figure));
  return {
    name,
    offered: rounds[0]!.offered,
    served: pick((run) => run.served),
    answered: rounds.reduce((sum, run) => sum + run.answered, 0),
    latency: { p50: pick((run) => run.latency.p50), p95: pick((run) => run.latency.p95), p99: pick((run) => run.latency.p99), max: pick((run) => run.latency.max) },
    errors,
    errorCount: rounds.reduce((sum, run) => sum + run.errorCount, 0),
    errorRate: pick((run) => run.errorRate),
    categories: {},
    autocannon: {
      latencyP50: pick((run) => run.autocannon.latencyP50),
      latencyP97_5: pick((run) => run.autocannon.latencyP97_5),
      latencyP99: pick((run) => run.autocannon.latencyP99),
      requestsPerSecond: pick((run) => run.autocannon.requestsPerSecond),
    },
  };
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length === 0 ? "0" : entries.map(([kind, count]) => `${count} × ${kind}`).join(", ");
}

export function runsTable(runs: RunSummary[]): string {
  const lines = [
    "| run | offered | served | answered | p50 | p95 | p99 | max | errors | autocannon p97.5 |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const run of runs) {
    lines.push(
      `| ${run.name} | ${run.offered === null ? "as fast as served" : `${run.offered} req/s`} | ${run.served.toFixed(1)} req/s | ${run.answered} | ` +
        `${formatMs(run.latency.p50)} | ${formatMs(run.latency.p95)} | ${formatMs(run.latency.p99)} | ${formatMs(run.latency.max)} | ` +
        `${formatErrors(run.errors)} (${(run.errorRate * 100).toFixed(1)} %) | ${formatMs(run.autocannon.latencyP97_5)} |`,
    );
  }
  return lines.join("\n");
}

export function categoriesTable(run: RunSummary): string {
  const lines = ["| request | answered | p50 | p95 | p99 | outcomes | errors |", "|---|---|---|---|---|---|---|"];
  for (const [name, category] of Object.entries(run.categories).sort(([a], [b]) => a.localeCompare(b))) {
    const outcomes = Object.entries(category.outcomes).map(([outcome, count]) => `${count} × ${outcome}`).join(", ") || "—";
    lines.push(
      `| ${name} | ${category.answered} | ${formatMs(category.latency.p50)} | ${formatMs(category.latency.p95)} | ` +
        `${formatMs(category.latency.p99)} | ${outcomes} | ${formatErrors(category.errors)} |`,
    );
  }
  return lines.join("\n");
}

export function checksList(checks: Check[]): string {
  return checks.map((check) => `- ${check.ok ? "✓" : "✗"} ${check.name}: ${check.detail}`).join("\n");
}
