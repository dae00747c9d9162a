import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, pendingMigrations } from "@/lib/db/migrator";
import { createDatabase } from "@/test/database";

const PROJECT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
const POOL = process.env.VITEST_POOL_ID ?? "0";
// Sorts after any real migration, so the fixture is "the project's migrations plus one more".
const PROBE_MIGRATION = "99990101000000_add_migrator_probe";

let fixtureRoot: string;

beforeAll(async () => {
  fixtureRoot = await mkdtemp(path.join(os.tmpdir(), "cairn-migrator-test-"));
});

afterAll(async () => {
  await rm(fixtureRoot, { recursive: true, force: true });
});

/** A private copy of prisma/migrations plus a small second migration, safe to edit in a test. */
async function migrationsFixture(name: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = path.join(fixtureRoot, name);
  await cp(PROJECT_MIGRATIONS_DIR, dir, { recursive: true });
  const migrations = {
    [PROBE_MIGRATION]: `CREATE TABLE "migrator_probe" ("id" INTEGER PRIMARY KEY);\n`,
    ...extra,
  };
  for (const [migration, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, migration));
    await writeFile(path.join(dir, migration, "migration.sql"), sql);
  }
  return dir;
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const migrationRows = (connectionString: string) =>
  query<MigrationRow>(connectionString, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

describe("migrate", () => {
  it("applies every pending migration in order, and nothing on a second run", async () => {
    const dir = await migrationsFixture("twice");
    const names = await migrationNames(dir);
    const url = await createDatabase(`migrator_twice_${POOL}`);

    expect(await pendingMigrations(url, dir)).toEqual(names);
    expect((await migrate({ connectionString: url, migrationsDir: dir })).applied).toEqual(names);
    expect(await pendingMigrations(url, dir)).toEqual([]);
    expect((await migrate({ connectionString: url, migrationsDir: dir })).applied).toEqual([]);
    expect(await migrationRows(url)).toHaveLength(names.length);
  });

  it("records each migration in _prisma_migrations exactly as `prisma migrate deploy` does", async () => {
    const dir = await migrationsFixture("rows");
    const url = await createDatabase(`migrator_rows_${POOL}`);
    await migrate({ connectionString: url, migrationsDir: dir });

    // Prisma's own DDL for the table (schema-engine's postgres connector), so the CLI can take over.
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);

    const rows = await migrationRows(url);
    const names = await migrationNames(dir);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        checksum: createHash("sha256").update(file).digest("hex"),
        finished_at: expect.any(Date),
        migration_name: row.migration_name,
        logs: null,
        rolled_back_at: null,
        started_at: expect.any(Date),
        applied_steps_count: 1,
      });
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it("refuses to run when an applied migration was edited afterwards, naming the migration", async () => {
    const dir = await migrationsFixture("edited");
    const url = await createDatabase(`migrator_edited_${POOL}`);
    await migrate({ connectionString: url, migrationsDir: dir });

    const [first] = await migrationNames(dir);
    await appendFile(path.join(dir, first!, "migration.sql"), "\n-- an innocent-looking edit\n");

    const message = new RegExp(`"${first}".*edited after it was applied`);
    await expect(migrate({ connectionString: url, migrationsDir: dir })).rejects.toThrow(message);
    await expect(pendingMigrations(url, dir)).rejects.toThrow(message);
  });

  it("reports a failing migration by name, keeps none of its changes, and retries it on the next run", async () => {
    const broken = "99990102000000_broken";
    const dir = await migrationsFixture("broken", {
      [broken]: `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`,
    });
    const url = await createDatabase(`migrator_broken_${POOL}`);

    await expect(migrate({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`"${broken}" failed.*no_such_table`),
    );
    const halfDone = await query<{ exists: boolean }>(url, `SELECT to_regclass('half_done') IS NOT NULL AS exists`);
    expect(halfDone[0]?.exists).toBe(false);
    expect(await pendingMigrations(url, dir)).toEqual([broken]);

    await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect((await migrate({ connectionString: url, migrationsDir: dir })).applied).toEqual([broken]);
  });

  it("lets two migrators started together on an empty database both succeed, applying each migration once", async () => {
    const dir = await migrationsFixture("concurrent");
    const names = await migrationNames(dir);
    const url = await createDatabase(`migrator_concurrent_${POOL}`);

    const [a, b] = await Promise.all([
      migrate({ connectionString: url, migrationsDir: dir }),
      migrate({ connectionString: url, migrationsDir: dir }),
    ]);

    expect([...a.applied, ...b.applied].sort()).toEqual(names);
    const rows = await migrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });
});
