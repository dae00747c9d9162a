// `npm run test:e2e`: a throwaway embedded PostgreSQL with the demo data, a production
// build (rebuilt only when sources changed), then Playwright against Cairn's own server (scripts/serve.ts).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";
import { buildIsStale } from "@/scripts/lib/build-freshness";

function buildIfStale() {
  if (!buildIsStale()) return;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

buildIfStale();

const dataDir = await mkdtemp(path.join(os.tmpdir(), "cairn-e2e-pg-"));
const server = await startEmbeddedPostgres({ dataDir, password: "cairn-e2e", removeOnStop: true });
let status = 1;
try {
  const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE cairn_e2e");
  await admin.end();
  const databaseUrl = `${server.serverUrl}/cairn_e2e`;
  await migrate({ connectionString: databaseUrl });
  const seed = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/seed-demo.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  if (seed.status !== 0) throw new Error("seeding the e2e database failed");
  const port = await freePort();
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      E2E_BASE_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
  status = result.status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
