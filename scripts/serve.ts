// Cairn's web server: Next's request handler behind Cairn's own HTTP server (lib/http/server.ts). `npm start`,
// `npm run dev` and the end-to-end run start it with tsx; the Docker image runs it bundled (dist/serve.mjs) from
// Next's standalone output, with `--standalone`. The database must be migrated already.
//   node --import tsx scripts/serve.ts [--dev] [--standalone]
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { EnvError, parseServerEnv, type Env } from "@/lib/env";
import { createCairnServer } from "@/lib/http/server";
import { logger } from "@/lib/logger";
import { answerMetricsCollection, answerMetricsRequests } from "@/lib/metrics/cluster";
import { runShutdownHooks } from "@/lib/shutdown";

/** Within Docker's default 10 s between SIGTERM and SIGKILL, with room left to close the pool and exit. */
const SHUTDOWN_GRACE_MS = 8_000;

const dev = process.argv.includes("--dev");
const standalone = process.argv.includes("--standalone");
const dir = process.cwd();
// React and Next pick their production or development builds from NODE_ENV when they load, as under `next start`.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

let env: Env;
try {
  env = parseServerEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(1);
}

/** One process per core by default: one Node.js process renders pages on one core (docs/performance.md). */
const MAX_DEFAULT_WORKERS = 4;
const workers = dev ? 1 : (env.WEB_CONCURRENCY ?? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
if (workers > 1 && cluster.isPrimary) {
  superviseWorkers(workers);
} else {
  await serve();
}

/**
 * The primary of a multi-process server: it only starts the workers, which share the port (node:cluster), starts a
 * new one when one dies unexpectedly, and on SIGTERM / SIGINT passes the signal on and exits once every worker has
 * drained and stopped — with 1 if any of them could not stop cleanly.
 */
function superviseWorkers(count: number) {
  let stopping = false;
  let failed = false;
  const listening = new Set<number>();
  // A scrape of /api/metrics reaches one worker, which asks here for every worker's metrics (lib/metrics/cluster.ts).
  answerMetricsRequests();
  for (let index = 0; index < count; index += 1) cluster.fork();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      failed ||= code !== 0;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!listening.has(worker.id)) {
      // It never served (bad configuration, port taken): starting another would fail the same way, in a loop.
      logger.fatal({ pid: worker.process.pid, code, signal }, "a web server process could not start; stopping");
      stopAll("SIGTERM");
      failed = true;
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "a web server process died; starting another");
    cluster.fork();
  });
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: count }, "stopping: each web server process finishes its requests in flight");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
}

async function serve() {
  if (cluster.isWorker) answerMetricsCollection();
  if (standalone) {
    // The standalone output has no next.config.ts; like Next's own standalone server.js, hand Next the configuration
    // that `next build` serialized.
    const serverFiles = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as {
      config: unknown;
    };
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(serverFiles.config);
  }

  /** How this process reaches itself, e.g. when Next renders the target of a server action's redirect. */
  const selfHost = !env.HOST || env.HOST === "0.0.0.0" ? "localhost" : env.HOST === "::" ? "::1" : env.HOST;
  // Set as `next start` sets it; without it Next would build that URL from X-Forwarded-Proto, and behind a proxy
  // that ends TLS it would call itself over https on a port that speaks http.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${selfHost.includes(":") ? `[${selfHost}]` : selfHost}:${env.PORT}`;

  const { default: next } = await import("next");
  const app = next({ dev, dir, hostname: selfHost, port: env.PORT });
  const { server, drain } = createCairnServer({
    handler: app.getRequestHandler(),
    trust: { trustProxy: env.TRUST_PROXY, hops: env.TRUST_PROXY_HOPS },
    log: logger,
  });

  let stopping = false;
  async function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests in flight");
    const { forced } = await drain(SHUTDOWN_GRACE_MS);
    if (forced) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "requests still running after the grace period were cut off");
    await app.close().catch((error: unknown) => logger.error({ err: error }, "Next did not close cleanly"));
    const outcomes = await runShutdownHooks();
    for (const { name, error } of outcomes) {
      if (error) logger.error({ err: error, resource: name }, "could not close cleanly");
      else logger.info({ resource: name }, "closed");
    }
    logger.info("stopped");
    process.exit(forced || outcomes.some((outcome) => outcome.error) ? 1 : 0);
  }
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await app.prepare();
  server.on("error", (error) => {
    logger.fatal({ err: error }, "web server failed");
    process.exit(1);
  });
  server.listen(env.PORT, env.HOST, () => {
    logger.info({ url: process.env.__NEXT_PRIVATE_ORIGIN, dev, trustProxy: env.TRUST_PROXY }, "Cairn is listening");
  });
}
