// What this process measures about itself (docs/decisions/064-metrics-and-jobs-page.md): HTTP requests as Cairn's own
// server answers them, server actions that failed unexpectedly, the database pool, and Node's process metrics.
// Scraping aggregates every web server process (lib/metrics/cluster.ts); what the database says at scrape time is
// added by the metrics feature.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { routeLabel } from "@/lib/metrics/route-label";

export const METRICS_PREFIX = "cairn_";

/** Seconds; from a cached page (a few ms) to a slow roadmap import. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Methods Cairn answers; anything else a client invents shares one label, so it cannot add series. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

type Holder = {
  registry?: Registry;
  requests?: Counter<"method" | "route" | "status">;
  latency?: Histogram<"method" | "route" | "status">;
  actionFailures?: Counter;
  pool?: PoolStats;
};

// Requests are counted in Cairn's HTTP server and the pool lives in Next's server bundle: two module graphs in one
// process, so the registry lives on globalThis, as the job queue does (lib/jobs/boss.ts).
const HOLDER = Symbol.for("cairn.metrics");
function holder(): Holder {
  const scope = globalThis as unknown as Record<symbol, Holder | undefined>;
  scope[HOLDER] ??= {};
  return scope[HOLDER];
}

/** This process's registry, created on first use. */
export function processRegistry(): Registry {
  const state = holder();
  if (state.registry) return state.registry;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRICS_PREFIX });
  state.requests = new Counter({
    name: `${METRICS_PREFIX}http_requests_total`,
    help: "HTTP requests answered, by method, route and status class.",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  state.latency = new Histogram({
    name: `${METRICS_PREFIX}http_request_duration_seconds`,
    help: "Time from a request's arrival until its answer was complete, by method, route and status class.",
    labelNames: ["method", "route", "status"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  state.actionFailures = new Counter({
    name: `${METRICS_PREFIX}server_action_failures_total`,
    help: "Server actions that failed unexpectedly: the person saw \"Something went wrong\" with a reference, in an HTTP 200.",
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: (pool: PoolStats) => number) =>
    new Gauge({
      name: `${METRICS_PREFIX}${name}`,
      help,
      registers: [registry],
      collect() {
        const { pool } = holder();
        this.set(pool ? read(pool) : 0);
      },
    });
  poolGauge("db_pool_connections", "Open connections in the app's database pool (summed over processes).", (pool) => pool.totalCount);
  poolGauge("db_pool_idle_connections", "Idle connections in the app's database pool.", (pool) => pool.idleCount);
  poolGauge("db_pool_waiting_requests", "Queries waiting for a free connection of the app's database pool.", (pool) => pool.waitingCount);
  state.registry = registry;
  return registry;
}

/** "2xx", "4xx"…: the class is what alerts need, and it keeps the series few. */
function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

/** Counts one answered request; called by Cairn's HTTP server (lib/http/server.ts) for every request. */
export function recordRequest(method: string | undefined, url: string | undefined, status: number, seconds: number): void {
  processRegistry();
  const { requests, latency } = holder();
  const labels = {
    method: method && METHODS.has(method) ? method : "other",
    route: routeLabel(url),
    status: statusClass(status),
  };
  requests!.inc(labels);
  latency!.observe(labels, seconds);
}

/**
 * Counts a server action that failed unexpectedly (lib/action-result.ts). Its answer is an HTTP 200 carrying the error,
 * so the request counters cannot see it; this counter lets an alert do so.
 */
export function recordActionFailure(): void {
  processRegistry();
  holder().actionFailures!.inc();
}

/** Lets the pool gauges read the app's database pool (lib/db.ts hands it over when it creates it). */
export function observeDatabasePool(pool: PoolStats): void {
  holder().pool = pool;
}

/** The Prometheus text format, version 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
