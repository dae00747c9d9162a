// Applies prisma/migrations/* the way `prisma migrate deploy` does, without the
// Prisma CLI's schema engine (which cannot be downloaded here): same
// `_prisma_migrations` table and rows, same sha256 checksums, same advisory lock
// key, so the Prisma CLI can take over the same database at any time.
// See docs/decisions/001-own-migrator.md.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** The advisory lock key Prisma Migrate uses, so our migrator and the Prisma CLI exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  // The folder is read at run time and shipped beside the server (Dockerfile), not traced into the bundle.
  const entries = await readdir(/* turbopackIgnore: true */ migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

async function readApplied(client: pg.Client): Promise<AppliedRow[] | null> {
  const exists = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  if (!exists.rows[0]?.exists) return null;
  const result = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return result.rows;
}

/** Checks applied rows against the files; returns the files still to apply. */
function plan(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolled_back_at === null);
  for (const row of live) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration "${row.migration_name}" failed earlier and is marked unfinished in _prisma_migrations. ` +
          `Fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back "${row.migration_name}").`,
      );
    }
    const file = files.find((f) => f.name === row.migration_name);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration "${row.migration_name}" was edited after it was applied (checksum differs). ` +
          "Applied migrations must never change: restore the file and put the change in a new migration (npm run db:diff -- <name>).",
      );
    }
  }
  const done = new Set(live.map((row) => row.migration_name));
  return files.filter((f) => !done.has(f.name));
}

export async function pendingMigrations(
  connectionString: string,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<string[]> {
  const files = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  await client.connect();
  try {
    const applied = (await readApplied(client)) ?? [];
    return plan(files, applied).map((f) => f.name);
  } finally {
    await client.end();
  }
}

export async function migrate({
  connectionString,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
  through,
  log = () => {},
}: {
  connectionString: string;
  migrationsDir?: string;
  /** Stop after this migration (a restore brings a blank database to the level its backup was made at). */
  through?: string;
  log?: (message: string) => void;
}): Promise<{ applied: string[] }> {
  const files = (await readMigrations(migrationsDir)).filter((file) => through === undefined || file.name <= through);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const appliedNow: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const pending = plan(files, (await readApplied(client)) ?? []);
    for (const file of pending) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, file.checksum, file.name],
      );
      try {
        await client.query("BEGIN");
        await client.query(file.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const message = error instanceof Error ? error.message : String(error);
        // The transaction undid the migration's changes, so the row is marked rolled back
        // and the next run tries again (Prisma treats rolled-back rows as not applied).
        await client.query(
          `UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`,
          [id, message],
        );
        throw new MigrationError(`Migration "${file.name}" failed and was rolled back: ${message}`);
      }
      appliedNow.push(file.name);
      log(`Applied migration ${file.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied: appliedNow };
}
