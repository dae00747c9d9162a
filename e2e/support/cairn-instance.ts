// Extra Cairn servers and databases for the operator journeys: the same production build and server
// (scripts/serve.ts) the e2e run serves, started as separate processes the tests can pause, signal and compare.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";

export type SeededDatabase = { databaseUrl: string; dataDir: string; stop: () => Promise<void> };

/** A PostgreSQL of the test's own, migrated and holding the demo data, so pausing it disturbs no other test. */
export async function createSeededDatabase(): Promise<SeededDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cairn-e2e-own-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, password: "cairn-e2e", removeOnStop: true });
  try {
    const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE cairn");
    await admin.end();
    const databaseUrl = `${server.serverUrl}/cairn`;
    await migrate({ connectionString: databaseUrl });
    const seed = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/seed-demo.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stderr}`);
    return { databaseUrl, dataDir, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Servers still running when the test worker exits, for instance after a failed test, must not outlive it. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Comfortably above the server's own 8-second drain, so a server that drains properly is never cut short. */
const STOP_TIMEOUT_MS = 15_000;

export type CairnProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the server logged so far (JSON lines). */
  output: () => string;
  /** Sends a signal and resolves when the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `scripts/serve.ts` on a free port and waits until it answers /api/health. */
export async function startCairn({
  databaseUrl = process.env.DATABASE_URL,
  secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  workers = 1,
  logLevel = "info",
}: {
  databaseUrl?: string;
  secret?: string;
  /** Web server processes (WEB_CONCURRENCY). */
  workers?: number;
  /** "debug" adds a line when each request arrives, before its answer's line. */
  logLevel?: "info" | "debug";
} = {}): Promise<CairnProcess> {
  if (!databaseUrl) throw new Error("No database for the extra Cairn server; run through npm run test:e2e.");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret,
      LOG_LEVEL: logLevel,
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Cairn exited while starting:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Cairn did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      const outcome = await exited;
      clearTimeout(timer);
      return outcome;
    },
  };
}

/**
 * Signs in through next-auth's own endpoints rather than the form: the session cookie lands in `request`'s cookie
 * jar, which a browser context's `request` shares with its pages. Returns the error code the form would show, or
 * null when signed in.
 */
export async function signInThroughApi(request: APIRequestContext, base: string, email: string, password: string) {
  const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}
