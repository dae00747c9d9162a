// A multi-process server (scripts/serve.ts) has one registry per worker, and a scrape reaches only one of them. The
// worker serving the scrape asks the primary, which collects every worker's metrics over IPC and aggregates them with
// prom-client's AggregatorRegistry (counters and histograms summed, process metrics as each one says). Cairn uses
// its own message types rather than prom-client's, so the answer never depends on which copy of prom-client a
// module graph loaded.
import cluster, { type Worker } from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { processRegistry } from "@/lib/metrics/registry";

/** Worker → primary: "send me everyone's metrics". */
const ASK = "cairn:metrics:ask";
/** Primary → worker: "send me yours". */
const COLLECT = "cairn:metrics:collect";
const COLLECTED = "cairn:metrics:collected";
const ANSWER = "cairn:metrics:answer";
/** A worker that does not answer within this is left out of the scrape rather than holding it up. */
const COLLECT_TIMEOUT_MS = 3_000;
/** Longer than the primary's own wait, so the primary's answer (with what it has) arrives first. */
const ASK_TIMEOUT_MS = COLLECT_TIMEOUT_MS + 2_000;

type Metrics = MetricObjectWithValues<MetricValue<string>>[];
type Message = { type?: unknown; id?: unknown; metrics?: unknown; text?: unknown };

function isMessage(value: unknown, type: string): value is Message & { id: string } {
  return typeof value === "object" && value !== null && (value as Message).type === type && typeof (value as Message).id === "string";
}

/** Asks one worker for its metrics; undefined when it is gone or does not answer in time. */
function collectFrom(worker: Worker): Promise<Metrics | undefined> {
  if (!worker.isConnected()) return Promise.resolve(undefined);
  const id = randomUUID();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (!isMessage(message, COLLECTED) || message.id !== id) return;
      finish(message.metrics as Metrics);
    };
    const timer = setTimeout(() => finish(undefined), COLLECT_TIMEOUT_MS);
    function finish(result: Metrics | undefined) {
      clearTimeout(timer);
      worker.off("message", onMessage);
      resolve(result);
    }
    worker.on("message", onMessage);
    worker.send({ type: COLLECT, id }, (error: Error | null) => {
      if (error) finish(undefined);
    });
  });
}

/** Every live worker's metrics, aggregated into one exposition text. */
export async function aggregateWorkers(): Promise<string> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const collected = await Promise.all(workers.map(collectFrom));
  return AggregatorRegistry.aggregate(collected.filter((metrics): metrics is Metrics => metrics !== undefined)).metrics();
}

/** In the primary: answers a worker's request for the whole server's metrics. */
export function answerMetricsRequests(): void {
  cluster.on("message", (worker, message: unknown) => {
    if (!isMessage(message, ASK)) return;
    void aggregateWorkers()
      .catch(() => "")
      .then((text) => {
        if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, text });
      });
  });
}

/** In a worker: hands this process's metrics to the primary when it collects them. */
export function answerMetricsCollection(): void {
  process.on("message", (message: unknown) => {
    if (!isMessage(message, COLLECT)) return;
    void processRegistry()
      .getMetricsAsJSON()
      .then((metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }));
  });
}

/** Asks the primary for the whole server's metrics. */
function askPrimary(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isMessage(message, ANSWER) || message.id !== id) return;
      finish();
      resolve(typeof message.text === "string" ? message.text : "");
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error("the primary process did not answer with the workers' metrics"));
    }, ASK_TIMEOUT_MS);
    function finish() {
      clearTimeout(timer);
      process.off("message", onMessage);
    }
    process.on("message", onMessage);
    process.send!({ type: ASK, id });
  });
}

/**
 * The exposition text of this server's own metrics: every worker's, aggregated, when this process is a worker of a
 * multi-process server; otherwise this process's.
 */
export function serverMetrics(): Promise<string> {
  return cluster.isWorker && process.send ? askPrimary() : processRegistry().metrics();
}
