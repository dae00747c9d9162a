// Where Cairn's database lives: DATABASE_URL when set (production), otherwise the
// embedded PostgreSQL under CAIRN_DATA_DIR (demo mode) with secrets generated once.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import type { Env } from "@/lib/env";

export const EMBEDDED_DATABASE_NAME = "cairn";

type LocalSecrets = { postgresPassword: string; nextAuthSecret: string };

export type DatabaseInstance = {
  databaseUrl: string;
  embedded: boolean;
  /** Generated once per data directory in demo mode; undefined with DATABASE_URL. */
  nextAuthSecret?: string;
  stop: () => Promise<void>;
};

async function loadOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secrets: LocalSecrets = {
    postgresPassword: randomBytes(24).toString("base64url"),
    nextAuthSecret: randomBytes(32).toString("base64url"),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function ensureDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/**
 * `reuseRunning`: attach to an embedded server that is already running (a Cairn serving beside a
 * command-line tool) instead of restarting it, and leave it running afterwards.
 */
export async function openDatabase(env: Env, { reuseRunning = false } = {}): Promise<DatabaseInstance> {
  if (env.DATABASE_URL) {
    return { databaseUrl: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(env.CAIRN_DATA_DIR);
  const secrets = await loadOrCreateSecrets(dataDir);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    password: secrets.postgresPassword,
    reuseRunning,
  });
  try {
    await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    databaseUrl: `${server.serverUrl}/${EMBEDDED_DATABASE_NAME}`,
    embedded: true,
    nextAuthSecret: secrets.nextAuthSecret,
    stop: server.stop,
  };
}
