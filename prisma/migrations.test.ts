// Proves that prisma/migrations builds exactly the database prisma/schema.prisma describes. The Prisma CLI
// would check this by introspecting a live database, which its Wasm engine cannot do through
// @prisma/adapter-pg here (docs/decisions/001-own-migrator.md), so we build the database twice and compare catalogs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrator";
import { diffSchemas, isEmptyMigration, parseSnapshot, readSchemaFiles } from "@/lib/db/schema-engine";
import { createDatabase } from "@/test/database";

const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const POOL = process.env.VITEST_POOL_ID ?? "0";

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};
const CONSTRAINT_TYPES: Record<string, string> = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion",
};

type Catalog = Awaited<ReturnType<typeof readCatalog>>;

/**
 * Everything about the public schema that Prisma's schema controls, in a form that does not depend on how
 * the database got there. Columns are keyed by name, not position: a column added by a later migration sits
 * at the end of its table while a fresh database has it in schema order, and Prisma ignores that too.
 */
async function readCatalog(client: pg.Client) {
  const tables = await client.query<{ table: string }>(
    `SELECT c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      ORDER BY 1`,
  );

  const columns = await client.query(
    `SELECT c.relname AS table, a.attname AS column,
            format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS default,
            a.attidentity AS identity, a.attgenerated AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2`,
  );

  // contype 'n' (PostgreSQL 18's named NOT NULL constraints) is left out: nullability is compared per
  // column, and those names keep a column's old name after a rename.
  const constraints = await client.query<{
    table: string;
    name: string;
    type: string;
    columns: string[];
    referenced_table: string | null;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
    deferrable: boolean;
    definition: string;
  }>(
    `SELECT rel.relname AS table, con.conname AS name, con.contype AS type,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            ref.relname AS referenced_table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update,
            con.condeferrable AS deferrable,
            pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = rel.relnamespace
       LEFT JOIN pg_class ref ON ref.oid = con.confrelid
      WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations' AND con.contype <> 'n'
      ORDER BY 1, 2`,
  );

  const indexes = await client.query(
    `SELECT t.relname AS table, i.relname AS name,
            ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                    FROM generate_series(1, ix.indnkeyatts) AS k ORDER BY k) AS columns,
            ix.indisunique AS unique, ix.indisprimary AS primary,
            pg_get_indexdef(ix.indexrelid) AS definition
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      ORDER BY 1, 2`,
  );

  // Labels are compared as a set: Prisma appends a new enum value with ALTER TYPE … ADD VALUE, so a
  // migrated database may order them differently from a fresh one without anything being wrong.
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name,
            ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'
      ORDER BY 1`,
  );

  return {
    tables: tables.rows.map((row) => row.table),
    columns: columns.rows,
    constraints: constraints.rows.map((row) => ({
      ...row,
      type: CONSTRAINT_TYPES[row.type] ?? row.type,
      on_delete: row.type === "f" ? FK_ACTIONS[row.on_delete] : null,
      on_update: row.type === "f" ? FK_ACTIONS[row.on_update] : null,
    })),
    indexes: indexes.rows,
    enums: enums.rows.map((row) => ({ name: row.name, labels: [...row.labels].sort() })),
  };
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("prisma/migrations", () => {
  let migratedUrl: string;
  let migrated: Catalog;
  let fromSchema: Catalog;

  beforeAll(async () => {
    migratedUrl = await createDatabase(`schema_check_migrated_${POOL}`);
    const fromSchemaUrl = await createDatabase(`schema_check_from_schema_${POOL}`);
    await migrate({ connectionString: migratedUrl, migrationsDir: MIGRATIONS_DIR });
    const sql = await diffSchemas({ from: "empty", to: await readSchemaFiles(PRISMA_DIR) });
    await withClient(fromSchemaUrl, (client) => client.query(sql));
    migrated = await withClient(migratedUrl, readCatalog);
    fromSchema = await withClient(fromSchemaUrl, readCatalog);
  });

  it("build the database schema.prisma describes (fails when the schema changed without `npm run db:diff -- <name>`)", () => {
    expect(migrated.tables.length).toBeGreaterThan(0);
    expect(migrated.tables).toEqual(fromSchema.tables);
    expect(migrated.enums).toEqual(fromSchema.enums);
    expect(migrated.columns).toEqual(fromSchema.columns);
    expect(migrated.constraints).toEqual(fromSchema.constraints);
    expect(migrated.indexes).toEqual(fromSchema.indexes);
  });

  it("end with schema.snapshot: the current schema, as of the latest migration, so the next `npm run db:diff` only adds new changes", async () => {
    const snapshot = parseSnapshot(await readFile(path.join(MIGRATIONS_DIR, "schema.snapshot"), "utf8"));
    const latest = (await readMigrations(MIGRATIONS_DIR)).at(-1);
    expect(snapshot.migration, "schema.snapshot must name the latest migration folder").toBe(latest?.name);
    const pending = await diffSchemas({ from: snapshot.files, to: await readSchemaFiles(PRISMA_DIR) });
    expect(isEmptyMigration(pending), `Schema changes not in any migration:\n${pending}`).toBe(true);
  });

  // Guards the comparison above against passing vacuously: each edit is one a schema change could cause,
  // with values (SET DEFAULT, 9999, VARCHAR(1234), 'catalog_probe') no real schema change would pick.
  it.each([
    ["an extra table", `CREATE TABLE "catalog_probe" ("id" INTEGER PRIMARY KEY)`],
    ["a changed ON DELETE", `ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_id_fkey",
       ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id")
       ON DELETE SET DEFAULT ON UPDATE CASCADE`],
    ["a missing index", `DROP INDEX "memberships_user_id_idx"`],
    ["a changed default", `ALTER TABLE "memberships" ALTER COLUMN "extension_days" SET DEFAULT 9999`],
    ["a dropped NOT NULL", `ALTER TABLE "memberships" ALTER COLUMN "role" DROP NOT NULL`],
    ["a changed column type", `ALTER TABLE "users" ALTER COLUMN "email" TYPE VARCHAR(1234)`],
    ["a new enum label", `ALTER TYPE "membership_role" ADD VALUE 'catalog_probe'`],
    ["a unique index turned plain", `DROP INDEX "users_email_key"; CREATE INDEX "users_email_key" ON "users"("email")`],
  ])("notice %s", async (_change, ddl) => {
    await withClient(migratedUrl, async (client) => {
      await client.query("BEGIN");
      try {
        await client.query(ddl);
        expect(await readCatalog(client)).not.toEqual(fromSchema);
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });
});
