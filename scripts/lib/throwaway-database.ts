// A PostgreSQL that lives for one run (e2e, load): embedded, migrated, with the demo data, deleted on stop.
import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";

export type ThrowawayDatabase = { databaseUrl: string; stop: () => Promise<void> };

export async function startThrowawayDatabase(name: string): Promise<ThrowawayDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${name.replaceAll("_", "-")}-pg-`));
  const server = await startEmbeddedPostgres({ dataDir, password: name, removeOnStop: true });
  try {
    const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = `${server.serverUrl}/${name}`;
    await migrate({ connectionString: databaseUrl });
    const seed = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/seed-demo.ts"], {
      stdio: ["inherit", 2, 2],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    if (seed.status !== 0) throw new Error(`seeding the ${name} database failed`);
    return { databaseUrl, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
