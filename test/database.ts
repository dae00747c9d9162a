// Databases for integration tests, on the embedded PostgreSQL that test/global-setup.ts starts.
import pg from "pg";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export const TEMPLATE_DATABASE = "cairn_template";

export function serverUrl(): string {
  return inject("pgServerUrl");
}

export function databaseUrl(name: string): string {
  return `${serverUrl()}/${name}`;
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or recreates) an empty database, or a copy of the migrated template. */
export async function createDatabase(name: string, { fromTemplate = false } = {}): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${TEMPLATE_DATABASE}` : ""}`);
  });
  return databaseUrl(name);
}

export async function truncateAllTables(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length === 0) return;
    const tables = rows.map((row) => `"${row.tablename}"`).join(", ");
    await client.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    // The job queue's own schema, once a test has started it: jobs, their history and schedules, not its queues.
    const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'");
    if (rowCount === 1) await client.query("TRUNCATE pgboss.job, pgboss.archive, pgboss.schedule");
  } finally {
    await client.end();
  }
}
