// `npm start`: validate the environment, open the database (embedded unless
// DATABASE_URL is set), apply migrations, seed demo data once, build if needed,
// serve Cairn and say where once it answers (with the demo accounts), and on Ctrl-C / SIGTERM stop the web server
// first (it finishes requests in flight) and the database last.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import { EnvError, parseEnv, parseServerEnv } from "@/lib/env";
import { openDatabase } from "@/lib/db/local-instance";
import { migrate } from "@/lib/db/migrator";
import { logger } from "@/lib/logger";
import { buildIsStale } from "@/scripts/lib/build-freshness";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const dev = process.argv.includes("--dev");
const SHUTDOWN_GRACE_MS = 15_000;
const READY_POLL_MS = 300;

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

let env;
try {
  env = parseEnv();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}
if (env.DATABASE_URL) {
  try {
    parseServerEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

/** Whether another program listens on the port: it would answer the readiness probe in Cairn's place. */
function portTaken(port: number, host: string | undefined): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    server.listen({ port, host }, () => server.close(() => resolve(false)));
  });
}
if (await portTaken(env.PORT, env.HOST)) {
  fail(`Port ${env.PORT} is already in use, by another Cairn or another program. Stop it, or start Cairn on a free port: PORT=3001 npm start`);
}

/** A few lines set apart from the JSON log, for the person watching the terminal. */
function say(...lines: string[]) {
  process.stdout.write(`\n${lines.map((line) => (line ? `  ${line}` : "")).join("\n")}\n\n`);
}

let demoAccounts: string[] = [];
const database = await openDatabase(env);
const running: { web?: ChildProcess } = {};
let shuttingDown = false;

async function shutdown(signal: string, exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  const { web } = running;
  if (web && web.exitCode === null && web.signalCode === null) {
    const exited = new Promise((resolve) => web.once("exit", resolve));
    web.kill("SIGTERM");
    const timer = setTimeout(() => web.kill("SIGKILL"), SHUTDOWN_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  await database.stop().catch((error: unknown) => logger.error({ err: error }, "database did not stop cleanly"));
  logger.info("stopped");
  process.exit(exitCode);
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  process.env.DATABASE_URL = database.databaseUrl;
  const { applied } = await migrate({
    connectionString: database.databaseUrl,
    log: (message) => logger.info(message),
  });
  if (applied.length === 0) logger.info("database schema is up to date");

  if (database.embedded || env.CAIRN_DEMO) {
    const { seedDemoOnce, demoAccountLines } = await import("@/prisma/seed/demo");
    const seeded = await seedDemoOnce();
    if (seeded) logger.info("demo data seeded");
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    demoAccounts = demoAccountLines();
  }

  if (!dev && buildIsStale()) {
    say(
      "Building Cairn for production: this is the first start, or the code changed since the last build.",
      "It takes 2–4 minutes on a small two-core server; Cairn starts as soon as it is done.",
    );
    const started = Date.now();
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
    logger.info({ seconds: Math.round((Date.now() - started) / 1000) }, "build finished");
  }
} catch (error) {
  logger.error({ err: error }, error instanceof Error ? error.message : "start failed");
  await shutdown("error", 1);
}

// Cairn's own HTTP server (scripts/serve.ts), not `next start`: it decides the client's address and drains on SIGTERM.
const web = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: String(env.PORT),
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? database.nextAuthSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
running.web = web;
web.on("exit", (code) => {
  if (!shuttingDown) void shutdown("web server exited", code ?? 1);
});

// Where to find Cairn is printed once it answers, not before a build that scrolls it away.
const probeHost = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
const probe = `http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${env.PORT}/api/health`;
while (!shuttingDown && web.exitCode === null) {
  const answered = await fetch(probe, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.ok,
    () => false,
  );
  if (answered) {
    const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
    say(`Cairn is ready on ${url}`, ...(demoAccounts.length > 0 ? ["", ...demoAccounts] : []));
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
}
