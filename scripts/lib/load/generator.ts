// The load generator: run by scripts/load.ts as its own process, pinned to one core (taskset), so the requests it
// sends compete as little as possible with the server it measures. Reads a RunConfig, runs autocannon, writes a
// RunResult: `node --import tsx scripts/lib/load/generator.ts <config.json> <result.json>`.
import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import autocannon, { type Request, type Result } from "autocannon";
import { isServerFailure, parseActionResponse } from "@/scripts/lib/load/action-response";
import { percentile } from "@/scripts/lib/load/report";
import type { CategoryResult, PlannedRequest, RunConfig, RunResult } from "@/scripts/lib/load/types";

const MAX_FAILURES_KEPT = 20;

const [configFile, resultFile] = process.argv.slice(2);
if (!configFile || !resultFile) {
  console.error("Usage: node --import tsx scripts/lib/load/generator.ts <config.json> <result.json>");
  process.exit(2);
}
const config = JSON.parse(await readFile(configFile, "utf8")) as RunConfig;

const categories: Record<string, CategoryResult> = {};
const result: RunResult = {
  name: config.name,
  startedAt: new Date().toISOString(),
  durationSeconds: 0,
  connections: config.connections,
  rate: config.rate,
  categories,
  timeouts: 0,
  connectionErrors: 0,
  ticks: {},
  decisions: [],
  failures: [],
  autocannon: { latencyP50: 0, latencyP97_5: 0, latencyP99: 0, requestsPerSecond: 0 },
};
/** Which event each milestone pair gets next. */
const nextTick = new Map<string, "complete" | "reopen">();
let position = 0;

function category(name: string): CategoryResult {
  return (categories[name] ??= { sent: 0, answered: 0, status: {}, outcomes: {}, latencies: [] });
}

function bodyOf(planned: PlannedRequest): string | undefined {
  if (!planned.tick) return planned.body;
  const { pair, cohortId, itemKey, first } = planned.tick;
  if (!nextTick.has(pair)) nextTick.set(pair, first);
  return JSON.stringify([{ cohortId, itemKey, event: nextTick.get(pair) }]);
}

function record(planned: PlannedRequest, status: number, body: string) {
  const stats = category(planned.category);
  stats.answered += 1;
  stats.status[status] = (stats.status[status] ?? 0) + 1;
  if (planned.method === "GET") {
    if (status >= 500 && result.failures.length < MAX_FAILURES_KEPT) {
      result.failures.push({ category: planned.category, status, detail: body.slice(0, 300) });
    }
    return;
  }
  const { outcome, result: actionResult } = parseActionResponse(status, body);
  stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
  if (isServerFailure(outcome) && result.failures.length < MAX_FAILURES_KEPT) {
    result.failures.push({ category: planned.category, status, detail: actionResult?.error ?? body.slice(0, 300) });
  }
  if (planned.tick && (outcome === "ok" || outcome === "INVALID_STATE")) {
    // Refused as "already done" or "cannot be reset": our idea of the pair was wrong, so it flips too.
    const { pair } = planned.tick;
    if (outcome === "ok") result.ticks[pair] = (result.ticks[pair] ?? 0) + 1;
    nextTick.set(pair, nextTick.get(pair) === "complete" ? "reopen" : "complete");
  }
  if (planned.review?.action === "decide" && outcome === "ok") {
    const { submissionId, mentorId, decision } = planned.review;
    result.decisions.push({ submissionId, mentorId, decision: decision! });
  }
}

const request: Request = {
  setupRequest(base, context) {
    const planned = config.schedule[position % config.schedule.length]!;
    position += 1;
    category(planned.category).sent += 1;
    context.planned = planned;
    context.sentAt = performance.now();
    return { ...base, method: planned.method, path: planned.path, headers: planned.headers, body: bodyOf(planned) };
  },
  onResponse(status, body, context) {
    const planned = context.planned as PlannedRequest;
    category(planned.category).latencies.push(performance.now() - (context.sentAt as number));
    record(planned, status, body);
  },
};

/**
 * One autocannon per connection, each started at its own moment of the first second: autocannon paces a rate with one
 * timer per connection, all started together, so a single instance would send each second's requests at once.
 */
function spreadInstances(rate: number): Promise<Result>[] {
  const { connections } = config;
  const perConnection = Math.max(1, Math.round(rate / connections));
  return Array.from(
    { length: connections },
    (_, index) =>
      new Promise<Result>((resolve, reject) => {
        setTimeout(() => {
          autocannon({ url: config.url, connections: 1, connectionRate: perConnection, duration: config.durationSeconds, timeout: config.timeoutSeconds, requests: [request] }).then(resolve, reject);
        }, ((index + Math.random()) * 1000) / connections);
      }),
  );
}

const started = performance.now();
const instances: PromiseLike<Result>[] =
  config.spread && config.rate
    ? spreadInstances(config.rate)
    : [autocannon({ url: config.url, connections: config.connections, duration: config.durationSeconds, overallRate: config.rate, timeout: config.timeoutSeconds, requests: [request] })];
const summaries = await Promise.all(instances);
result.durationSeconds = (performance.now() - started) / 1000;
result.timeouts = summaries.reduce((sum, summary) => sum + summary.timeouts, 0);
result.connectionErrors = summaries.reduce((sum, summary) => sum + summary.errors - summary.timeouts, 0);
if (summaries.length === 1) {
  const [summary] = summaries as [Result];
  result.autocannon = { latencyP50: summary.latency.p50, latencyP97_5: summary.latency.p97_5, latencyP99: summary.latency.p99, requestsPerSecond: summary.requests.average };
} else {
  // Each instance has its own latency histogram; across them, the figures come from the latencies recorded here.
  const latencies = Object.values(categories).flatMap((stats) => stats.latencies).sort((a, b) => a - b);
  result.autocannon = {
    latencyP50: percentile(latencies, 50),
    latencyP97_5: percentile(latencies, 97.5),
    latencyP99: percentile(latencies, 99),
    requestsPerSecond: summaries.reduce((sum, summary) => sum + summary.requests.average, 0),
  };
}
await writeFile(resultFile, JSON.stringify(result));
