// Cairn's web server: Next's request handler behind Cairn's own HTTP server (lib/http/server.ts). `npm start`,
// `npm run dev` and the end-to-end run start it with tsx; the Docker image runs it bundled (dist/serve.mjs) from
// Next's standalone output, with `--standalone`. The database must be migrated already.
//   node --import tsx scripts/serve.ts [--dev] [--standalone]
import { readFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseServerEnv, type Env } from "@/lib/env";
import { createCairnServer } from "@/lib/http/server";
import { logger } from "@/lib/logger";
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
