// The benchmark's request generator: run by scripts/bench.ts in its own process pinned to one core. Measures a list
// of targets one after the other (GET as fast as they answer, N connections), and the CPU time each target's server
// process spent meanwhile: `node --import tsx scripts/lib/bench/generator.ts <config.json> <result.json>`.
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import autocannon, { type Request } from "autocannon";
import { cpuMsPerRequest, cpuTicks, percentileOf } from "@/scripts/lib/bench/measure";

export type Measurement = {
  /** e.g. "M roadmap cairn". */
  id: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Requests sent first and not counted. */
  warmupSeconds: number;
  /** The server process whose CPU time is read from /proc before and after. */
  pid?: number;
};

export type MeasurementResult = {
  id: string;
  seconds: number;
  ok: number;
  failed: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  cpuMsPerRequest: number | null;
};

export type GeneratorConfig = { ticksPerSecond: number; measurements: Measurement[] };

const [configFile, resultFile] = process.argv.slice(2);
if (!configFile || !resultFile) {
  console.error("Usage: node --import tsx scripts/lib/bench/generator.ts <config.json> <result.json>");
  process.exit(2);
}
const config = JSON.parse(await readFile(configFile, "utf8")) as GeneratorConfig;

/** The process's CPU ticks so far, or NaN once it is gone (the orchestrator then says which one). */
function ticksOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    return cpuTicks(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return Number.NaN;
  }
}

async function run(measurement: Measurement, seconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  const request: Request = {
    method: "GET",
    path: measurement.path,
    headers: { "accept-encoding": "gzip", ...measurement.headers },
    setupRequest(base, context) {
      context.sentAt = performance.now();
      return base;
    },
    onResponse(status, _body, context) {
      if (status === 200) latencies.push(performance.now() - (context.sentAt as number));
      else failed += 1;
    },
  };
  const started = performance.now();
  const summary = await autocannon({ url: measurement.url, connections: measurement.connections, duration: seconds, timeout: 10, requests: [request] });
  return { latencies, failed: failed + summary.errors, elapsed: (performance.now() - started) / 1000 };
}

const results: MeasurementResult[] = [];
for (const measurement of config.measurements) {
  if (measurement.warmupSeconds > 0) await run(measurement, measurement.warmupSeconds);
  const before = ticksOf(measurement.pid);
  const { latencies, failed, elapsed } = await run(measurement, measurement.seconds);
  const after = ticksOf(measurement.pid);
  results.push({
    id: measurement.id,
    seconds: elapsed,
    ok: latencies.length,
    failed,
    requestsPerSecond: latencies.length / elapsed,
    p50: percentileOf(latencies, 50),
    p95: percentileOf(latencies, 95),
    cpuMsPerRequest: measurement.pid === undefined || Number.isNaN(after) ? null : cpuMsPerRequest(before, after, latencies.length, config.ticksPerSecond),
  });
}
await writeFile(resultFile, JSON.stringify(results));
