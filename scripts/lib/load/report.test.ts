// The figures a load run reports: throughput served, nearest-rank percentiles, and errors by kind.
import { describe, expect, it } from "vitest";
import { medianOf, percentile, runsTable, summarizeRun } from "@/scripts/lib/load/report";
import type { RunResult } from "@/scripts/lib/load/types";

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    name: "mixed @ 10/s",
    startedAt: "2026-12-03T10:00:00.000Z",
    durationSeconds: 20,
    connections: 10,
    rate: 10,
    categories: {
      "roadmap page": { sent: 101, answered: 100, status: { 200: 99, 500: 1 }, outcomes: {}, latencies: Array.from({ length: 100 }, (_, i) => i + 1) },
      "tick milestone": {
        sent: 50,
        answered: 50,
        status: { 200: 50 },
        outcomes: { ok: 45, INVALID_STATE: 3, INTERNAL: 2 },
        latencies: Array.from({ length: 50 }, () => 1000),
      },
    },
    timeouts: 1,
    connectionErrors: 0,
    ticks: {},
    decisions: [],
    failures: [],
    autocannon: { latencyP50: 40, latencyP97_5: 900, latencyP99: 1000, requestsPerSecond: 7.5 },
    ...overrides,
  };
}

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("summarizeRun", () => {
  it("reports served throughput, latency over every answer, and each kind of error once", () => {
    const summary = summarizeRun(result());
    expect(summary.served).toBe(150 / 20);
    expect(summary.answered).toBe(150);
    expect(summary.latency.p50).toBe(75);
    expect(summary.latency.p95).toBe(1000);
    // A refusal the person would read (INVALID_STATE) is an answer; INTERNAL, a 500 and a timeout are failures.
    expect(summary.errors).toEqual({ 500: 1, "action INTERNAL": 2, timeout: 1 });
    expect(summary.errorRate).toBeCloseTo(4 / 151);
    expect(summary.categories["tick milestone"]!.errors).toEqual({ "action INTERNAL": 2 });
  });

  it("prints one Markdown row per run", () => {
    const table = runsTable([summarizeRun(result()), summarizeRun(result({ name: "contention", rate: undefined }))]);
    expect(table.split("\n")).toHaveLength(4);
    expect(table).toContain("| mixed @ 10/s | 10 req/s | 7.5 req/s | 150 | 75 ms | 1.00 s | 1.00 s | 1.00 s | 1 × 500, 2 × action INTERNAL, 1 × timeout (2.6 %) | 900 ms |");
    expect(table).toContain("| contention | as fast as served |");
  });
});

describe("medianOf", () => {
  it("reports the median round of each figure and every error of every round", () => {
    const rounds = [1, 3, 2].map((seconds) =>
      summarizeRun(result({ durationSeconds: 20, categories: { page: { sent: 10, answered: 10, status: { 200: 9, 502: 1 }, outcomes: {}, latencies: [seconds * 1000] } } })),
    );
    const median = medianOf(rounds, "mixed @ 10/s (median of 3)");
    expect(median.latency.p95).toBe(2000);
    expect(median.answered).toBe(30);
    expect(median.errors).toEqual({ 502: 3, timeout: 3 });
  });
});
