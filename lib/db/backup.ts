// Backups through the driver: PostgreSQL 18 ships no pg_dump this machine (or the embedded
// binaries) could run, so every table is streamed with COPY into one gzip archive and loaded
// back with COPY in one transaction. Format and rules: docs/backups.md; why: decision 013.
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { migrate, PRISMA_ADVISORY_LOCK_KEY, readMigrations } from "@/lib/db/migrator";

export const BACKUP_FORMAT = "cairn.backup/v1";

/** A restore waits this long for a running Cairn to let go of the tables, then says so. */
const LOCK_TIMEOUT = "10s";
/** Metadata lines are small; a longer one means the file is not a Cairn backup. */
const MAX_METADATA_LINE = 16 * 1024 * 1024;
/** The line that ends a table's COPY data, as in COPY's own text format. */
const END_OF_DATA = Buffer.from("\\.\n");
const NEWLINE_END_OF_DATA = Buffer.from("\n\\.\n");

export type BackupMigration = { name: string; checksum: string };
export type BackupTable = { name: string; columns: string[] };
export type BackupSequence = { name: string; lastValue: string; isCalled: boolean };

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgresVersion: string;
  /** The applied migrations, oldest first: the schema the rows belong to. */
  migrations: BackupMigration[];
  /** In load order: every table comes after the tables it references. */
  tables: BackupTable[];
};

export type BackupTrailer = {
  end: true;
  rows: Record<string, number>;
  sequences: BackupSequence[];
};

export type BackupSummary = { tables: number; rows: number; migration: string | null };

/** A backup or restore that cannot go ahead; the message says why and what to do. Nothing was written. */
export class BackupError extends Error {
  override name = "BackupError";
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

async function appliedMigrations(client: pg.ClientBase): Promise<BackupMigration[] | null> {
  const exists = await client.query<{ exists: boolean }>("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists");
  if (!exists.rows[0]?.exists) return null;
  const unfinished = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
  );
  if (unfinished.rows.length > 0) {
    throw new BackupError(
      `Migration "${unfinished.rows[0]!.migration_name}" is unfinished in this database; fix that (npm run db:migrate says how) first.`,
    );
  }
  const { rows } = await client.query<BackupMigration>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** Ordinary tables of the public schema, Prisma's bookkeeping table aside, with their stored columns in order. */
async function listTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.map((row) => ({ name: row.name, columns: row.columns ?? [] }));
}

/**
 * Parents before children, so a plain COPY per table satisfies every foreign key without switching checks off
 * (that needs superuser rights a hosted database rarely grants). A table referencing itself is fine: its
 * checks run at the end of its COPY statement. Tables that reference each other in a cycle cannot be ordered.
 */
async function inLoadOrder(client: pg.ClientBase, tables: BackupTable[]): Promise<BackupTable[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const waitingOn = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of rows) waitingOn.get(child)?.add(parent);
  const ordered: BackupTable[] = [];
  const remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => waitingOn.get(table.name)!.size === 0);
    if (ready.length === 0) {
      throw new BackupError(
        `Tables ${remaining.map((table) => table.name).join(", ")} reference each other in a cycle; ` +
          "backups load tables parents-first and cannot order them (see docs/decisions/013-backups-through-the-driver.md).",
      );
    }
    for (const table of ready) {
      ordered.push(table);
      remaining.splice(remaining.indexOf(table), 1);
      for (const parents of waitingOn.values()) parents.delete(table.name);
    }
  }
  return ordered;
}

/** Sequences of the public schema (serial and identity columns included) and where each one stands. */
async function readSequences(client: pg.ClientBase): Promise<BackupSequence[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  const sequences: BackupSequence[] = [];
  for (const { name } of rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM public.${quote(name)}`,
    );
    sequences.push({ name, lastValue: state.rows[0]!.last_value, isCalled: state.rows[0]!.is_called });
  }
  return sequences;
}

const jsonLine = (value: unknown) => Buffer.from(`${JSON.stringify(value)}\n`);

/**
 * Writes a gzip archive of the database to `output`: a header line (format, migrations, tables in load order),
 * then per table a `{"table": …}` line followed by its rows in COPY text format and a `\.` line, then a trailer
 * line with row counts and sequence values. One REPEATABLE READ snapshot: the rows are consistent with each
 * other even while Cairn keeps serving. Tables are streamed, never held in memory.
 */
export async function backupDatabase({
  connectionString,
  output,
}: {
  connectionString: string;
  output: Writable;
}): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SET LOCAL client_encoding = 'UTF8'");
    const migrations = await appliedMigrations(client);
    if (!migrations) {
      throw new BackupError("This database has no Cairn schema (no _prisma_migrations table): there is nothing to back up.");
    }
    const tables = await inLoadOrder(client, await listTables(client));
    const version = await client.query<{ server_version: string }>("SHOW server_version");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      postgresVersion: version.rows[0]!.server_version,
      migrations,
      tables,
    };
    const rows: Record<string, number> = {};

    async function* archive() {
      yield jsonLine(header);
      for (const table of tables) {
        yield jsonLine({ table: table.name });
        const columns = table.columns.map(quote).join(", ");
        const stream = client.query(copyTo(`COPY public.${quote(table.name)} (${columns}) TO STDOUT`));
        for await (const chunk of stream) yield chunk as Buffer;
        rows[table.name] = stream.rowCount;
        yield END_OF_DATA;
      }
      // Read after the rows: sequences are not part of the snapshot, so this is at least as far as any row got.
      const trailer: BackupTrailer = { end: true, rows, sequences: await readSequences(client) };
      yield jsonLine(trailer);
    }

    await pipeline(archive, createGzip(), output);
    await client.query("COMMIT");
    return {
      tables: tables.length,
      rows: Object.values(rows).reduce((sum, count) => sum + count, 0),
      migration: migrations.at(-1)?.name ?? null,
    };
  } finally {
    await client.end();
  }
}

/** Pulls lines and COPY sections out of the decompressed archive, chunk by chunk. */
class ArchiveReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  /** The next line as parsed JSON, or null at the end of the archive. */
  async readJsonLine(): Promise<unknown> {
    for (;;) {
      const newline = this.buffer.indexOf(10);
      if (newline >= 0) {
        const line = this.buffer.subarray(0, newline).toString("utf8");
        this.buffer = this.buffer.subarray(newline + 1);
        try {
          return JSON.parse(line);
        } catch {
          throw new BackupError("This file is not a Cairn backup, or it is damaged (a metadata line is not JSON).");
        }
      }
      if (this.buffer.length > MAX_METADATA_LINE) throw new BackupError("This file is not a Cairn backup (no metadata line).");
      if (!(await this.fill())) {
        if (this.buffer.length === 0) return null;
        throw new BackupError("The backup is cut short (its last line is incomplete).");
      }
    }
  }

  /**
   * Hands COPY data to `write` up to the `\.` line that ends it (COPY escapes every backslash, so no row is `\.`).
   * The buffer always starts at the beginning of a line: only whole lines are handed on.
   */
  async copySection(table: string, write: (chunk: Buffer) => Promise<void>): Promise<void> {
    for (;;) {
      if (this.buffer.subarray(0, END_OF_DATA.length).equals(END_OF_DATA)) {
        this.buffer = this.buffer.subarray(END_OF_DATA.length);
        return;
      }
      const end = this.buffer.indexOf(NEWLINE_END_OF_DATA);
      if (end >= 0) {
        await write(this.buffer.subarray(0, end + 1));
        this.buffer = this.buffer.subarray(end + NEWLINE_END_OF_DATA.length);
        return;
      }
      const lastNewline = this.buffer.lastIndexOf(10);
      if (lastNewline >= 0) {
        await write(this.buffer.subarray(0, lastNewline + 1));
        this.buffer = this.buffer.subarray(lastNewline + 1);
      }
      if (!(await this.fill())) throw new BackupError(`The backup is cut short inside table "${table}".`);
    }
  }
}

function parseHeader(value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (!header || typeof header !== "object" || header.format !== BACKUP_FORMAT) {
    throw new BackupError(`This file is not a Cairn backup (expected format "${BACKUP_FORMAT}" in its first line).`);
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new BackupError("This Cairn backup is damaged: its header lacks the migration level or the table list.");
  }
  return header as BackupHeader;
}

function describeLevel(migrations: BackupMigration[]) {
  return migrations.length === 0 ? "no migrations" : `${migrations.length} migrations, the last "${migrations.at(-1)!.name}"`;
}

function sameMigrations(a: BackupMigration[], b: BackupMigration[]) {
  return a.length === b.length && a.every((migration, index) => migration.name === b[index]!.name && migration.checksum === b[index]!.checksum);
}

/**
 * A database with no tables at all is brought to the backup's migration level first — with the migrations this
 * copy of Cairn ships, which must include the backup's, unchanged. Anything else must already be at that level.
 */
async function prepareTarget(connectionString: string, header: BackupHeader) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let blank: boolean;
  try {
    const tables = await client.query("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LIMIT 1");
    blank = tables.rowCount === 0;
  } finally {
    await client.end();
  }
  if (!blank) return;
  const shipped = await readMigrations();
  for (const [index, migration] of header.migrations.entries()) {
    const file = shipped[index];
    if (!file || file.name !== migration.name || file.checksum !== migration.checksum) {
      throw new BackupError(
        `This backup was made at a migration level this version of Cairn does not have (${describeLevel(header.migrations)}; ` +
          `"${migration.name}" is missing or differs here). Restore it with the Cairn version that made it.`,
      );
    }
  }
  const last = header.migrations.at(-1);
  if (last) await migrate({ connectionString, through: last.name });
}

async function checkTarget(client: pg.ClientBase, header: BackupHeader) {
  const migrations = await appliedMigrations(client);
  if (!migrations) {
    throw new BackupError("The target database has tables but no Cairn schema (no _prisma_migrations table); restore into an empty database.");
  }
  if (!sameMigrations(migrations, header.migrations)) {
    throw new BackupError(
      `The target database is at another migration level (${describeLevel(migrations)}) than the backup ` +
        `(${describeLevel(header.migrations)}). Restore into an empty database, or one migrated to exactly the backup's level.`,
    );
  }
  const tables = await listTables(client);
  // COPY names its columns, so their order does not matter, only that both sides have the same ones.
  const columnSet = (table: BackupTable) => [...table.columns].sort().join(",");
  const expected = new Map(header.tables.map((table) => [table.name, columnSet(table)]));
  const differing = [
    ...tables.filter((table) => expected.get(table.name) !== columnSet(table)).map((table) => table.name),
    ...header.tables.filter((table) => !tables.some((t) => t.name === table.name)).map((table) => table.name),
  ];
  if (differing.length > 0) {
    throw new BackupError(`The target database's tables differ from the backup's (${[...new Set(differing)].join(", ")}).`);
  }
  await client.query(`LOCK TABLE ${tables.map((table) => `public.${quote(table.name)}`).join(", ")} IN EXCLUSIVE MODE`);
  for (const table of tables) {
    const found = await client.query(`SELECT 1 FROM public.${quote(table.name)} LIMIT 1`);
    if (found.rowCount !== 0) {
      throw new BackupError(`The target database is not empty (table "${table.name}" has rows). Restore only into an empty database.`);
    }
  }
}

async function copyTable(client: pg.ClientBase, reader: ArchiveReader, table: BackupTable): Promise<number> {
  const columns = table.columns.map(quote).join(", ");
  const ingest = client.query(copyFrom(`COPY public.${quote(table.name)} (${columns}) FROM STDIN`));
  const done = finished(ingest);
  done.catch(() => {});
  try {
    await reader.copySection(table.name, async (chunk) => {
      if (!ingest.write(chunk)) await Promise.race([once(ingest, "drain"), done]);
    });
    ingest.end();
    await done;
  } catch (error) {
    // Sends CopyFail, so PostgreSQL abandons this COPY; the transaction is rolled back by the caller.
    ingest.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => {});
    if (error instanceof pg.DatabaseError) {
      throw new BackupError(`Restoring table "${table.name}" failed, nothing was restored: ${error.message}`);
    }
    throw error;
  }
  return ingest.rowCount;
}

async function loadArchive(connectionString: string, source: AsyncIterable<Buffer>): Promise<BackupSummary> {
  const reader = new ArchiveReader(source[Symbol.asyncIterator]());
  const header = parseHeader(await reader.readJsonLine());
  await prepareTarget(connectionString, header);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await client.query("SET LOCAL client_encoding = 'UTF8'");
    // The migrator's lock: a restore and a migration never run at once.
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await checkTarget(client, header);
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === "55P03") {
        throw new BackupError(`The target database is busy (a table stayed locked for ${LOCK_TIMEOUT}); stop Cairn before restoring.`);
      }
      throw error;
    }
    const restored: Record<string, number> = {};
    for (const table of header.tables) {
      const marker = (await reader.readJsonLine()) as { table?: unknown } | null;
      if (marker?.table !== table.name) {
        throw new BackupError(`This Cairn backup is damaged: expected the rows of table "${table.name}" next.`);
      }
      restored[table.name] = await copyTable(client, reader, table);
    }
    const trailer = (await reader.readJsonLine()) as Partial<BackupTrailer> | null;
    if (trailer?.end !== true || !trailer.rows || !Array.isArray(trailer.sequences)) {
      throw new BackupError("The backup is cut short: its closing line with the row counts is missing.");
    }
    for (const table of header.tables) {
      if (trailer.rows[table.name] !== restored[table.name]) {
        throw new BackupError(
          `This Cairn backup is damaged: table "${table.name}" should have ${trailer.rows[table.name]} rows, the file holds ${restored[table.name]}.`,
        );
      }
    }
    if ((await reader.readJsonLine()) !== null) throw new BackupError("This Cairn backup is damaged: there is data after its closing line.");
    // setval is not undone by a rollback, so it runs last, once everything else has been checked.
    for (const sequence of trailer.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [`public.${quote(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
    }
    await client.query("COMMIT");
    return {
      tables: header.tables.length,
      rows: Object.values(restored).reduce((sum, count) => sum + count, 0),
      migration: header.migrations.at(-1)?.name ?? null,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Loads an archive written by backupDatabase into an empty database at the same migration level, in one
 * transaction: every table, the row counts checked against the trailer, then the sequences — or nothing at all.
 */
export async function restoreDatabase({
  connectionString,
  input,
}: {
  connectionString: string;
  input: Readable;
}): Promise<BackupSummary> {
  let summary: BackupSummary | undefined;
  try {
    await pipeline(input, createGunzip(), async (source: AsyncIterable<Buffer>) => {
      summary = await loadArchive(connectionString, source);
    });
  } catch (error) {
    // zlib's own errors: not gzip at all, a damaged block, or a file that stops early.
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("Z_")) {
      throw new BackupError(`This file is not a Cairn backup, or it is damaged or cut short (${error.message}). Nothing was restored.`);
    }
    throw error;
  }
  return summary!;
}
