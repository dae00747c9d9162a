// The one place tools start a production Cairn web server (the load and Lighthouse runs; e2e goes through
// Playwright's webServer). It runs the build in `.next` on a given port and resolves once /api/health answers.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { freePort } from "@/lib/db/embedded";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { startThrowawayDatabase } from "@/scripts/lib/throwaway-database";

export type CairnServer = { url: string; pid: number; stop: () => Promise<void> };

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;

export async function startCairnServer({
  port,
  env,
  logFile,
  nodeArgs = [],
}: {
  port: number;
  /** DATABASE_URL, NEXTAUTH_SECRET and friends; added to this process's environment. */
  env: Record<string, string>;
  /** The server's stdout and stderr go here. */
  logFile: string;
  /** Extra flags for Node.js, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}): Promise<CairnServer> {
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  // Cairn's own HTTP server (scripts/serve.ts), as `npm start` and the end-to-end run start it.
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = once(child, "exit");

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  }

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Cairn server exited with ${child.exitCode} while starting; see ${logFile}.`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The Cairn server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s; see ${logFile}.`);
}

/**
 * A Cairn of the tool's own: a production build (rebuilt when stale), a throwaway embedded PostgreSQL with the demo
 * data (its URL also set as this process's DATABASE_URL, for tools that read the database) and a server on a free
 * port. `stop` ends both.
 */
export async function startOwnCairn({ databaseName, logFile }: { databaseName: string; logFile: string }) {
  buildIfStale();
  process.stderr.write("Starting a throwaway database with the demo data and a production server…\n");
  const database = await startThrowawayDatabase(databaseName);
  try {
    process.env.DATABASE_URL = database.databaseUrl;
    const secret = randomBytes(32).toString("base64url");
    const server = await startCairnServer({
      port: await freePort(),
      logFile,
      env: { DATABASE_URL: database.databaseUrl, NEXTAUTH_SECRET: secret, LOG_LEVEL: "warn" },
    });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
