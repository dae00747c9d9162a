// Prisma's schema engine, run as WebAssembly. The CLI's native schema engine cannot be downloaded on our
// machines, so migration SQL is generated here instead (docs/decisions/001-own-migrator.md).
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaFile = SchemaContainer;

export type DiffInput = {
  /** The datamodel to start from, or `"empty"` for a database without any tables. */
  from: SchemaFile[] | "empty";
  /** The datamodel the resulting SQL must produce. */
  to: SchemaFile[];
};

let engineModule: Promise<typeof glue> | undefined;

// The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node 20 only understands
// behind --experimental-wasm-modules. Doing the bundler's job by hand keeps tsx and Vitest flag-free.
function loadEngineModule(): Promise<typeof glue> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

type AdapterError = { kind: "GenericJs"; id: number };
type AdapterResult<T> = { ok: true; value: T } | { ok: false; error: AdapterError };

// Diffing two datamodels never reads a database, yet `SchemaEngine.new` connects through its driver-adapter
// factory eagerly and asks the server for its version; the native engine behind `prisma migrate diff` asks
// nothing. So the engine gets a connection that answers only that probe and refuses every other statement:
// a diff that unexpectedly needs a database fails loudly instead of silently touching a real one.
const VERSION_PROBE = "SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1), version(),";
const COLUMN_TYPE = { Int32: 0, Boolean: 5, Text: 7 } as const;
const refused = async (): Promise<AdapterResult<never>> => ({ ok: false, error: { kind: "GenericJs", id: 1 } });
const noDatabaseConnection = {
  provider: "postgres",
  adapterName: "@cairn/no-database",
  queryRaw: async (query: { sql: string }) => {
    if (!query.sql.startsWith(VERSION_PROBE)) return refused();
    return {
      ok: true,
      value: {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [COLUMN_TYPE.Boolean, COLUMN_TYPE.Text, COLUMN_TYPE.Int32],
        rows: [[true, "PostgreSQL 18.0 (no database: datamodel diff only)", 180000]],
      },
    };
  },
  executeRaw: refused,
  executeScript: refused,
  startTransaction: refused,
  dispose: async (): Promise<AdapterResult<void>> => ({ ok: true, value: undefined }),
};
const noDatabaseAdapterFactory = {
  provider: "postgres",
  adapterName: "@cairn/no-database",
  connect: async (): Promise<AdapterResult<typeof noDatabaseConnection>> => ({ ok: true, value: noDatabaseConnection }),
  connectToShadowDb: async (): Promise<AdapterResult<typeof noDatabaseConnection>> => ({
    ok: true,
    value: noDatabaseConnection,
  }),
};

/**
 * The SQL script `prisma migrate diff --from-… --to-schema … --script` would print: what turns a database
 * shaped like `from` into one shaped like `to`. When nothing changed that is Prisma's
 * "-- This is an empty migration." comment; check with `isEmptyMigration`.
 */
export async function diffSchemas({ from, to }: DiffInput): Promise<string> {
  const { SchemaEngine } = await loadEngineModule();
  const engineLog: string[] = [];
  let engine: glue.SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new(
      { datamodels: to.map((file): [string, string] => [file.path, file.content]) },
      (message: string) => engineLog.push(message),
      noDatabaseAdapterFactory,
    );
    const result = await engine.diff({
      from: from === "empty" ? { tag: "empty" } : { tag: "schemaDatamodel", files: from },
      to: { tag: "schemaDatamodel", files: to },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } catch (error) {
    // The engine logs its start-up at INFO; only warnings and errors help explain a failure.
    const notable = engineLog.filter((line) => !/"level":"(INFO|DEBUG|TRACE)"/.test(line));
    const log = notable.length > 0 ? `\nEngine log:\n${notable.join("\n")}` : "";
    const message = describeEngineError(error);
    const hint = /External error id#/.test(message)
      ? " (the engine tried to query a database, which datamodel diffs run without)"
      : "";
    throw new Error(`Prisma's schema engine could not diff the schemas: ${message}${hint}${log}`, { cause: error });
  } finally {
    engine?.free();
  }
}

/** True when a migration script holds no statement, only comments and blank lines. */
export function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

// Schema validation errors arrive as plain objects ({ message, error_code, ... }), not Error instances.
function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return JSON.stringify(error);
}

/**
 * The Prisma schema as the CLI sees it with `schema: "prisma"`: the generator/datasource file, then one file
 * per domain, in a stable order so snapshots and diffs do not depend on directory listing order.
 */
export async function readSchemaFiles(prismaDir: string): Promise<SchemaFile[]> {
  const modelFiles = (await readdir(path.join(prismaDir, "models")))
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => `models/${name}`);
  return Promise.all(
    ["schema.prisma", ...modelFiles].map(async (file) => ({
      path: file,
      content: await readFile(path.join(prismaDir, file), "utf8"),
    })),
  );
}

// `prisma/migrations/schema.snapshot` is the schema as of the latest migration, so the next migration can be
// diffed without a database (docs/decisions/020-one-rolling-schema-snapshot.md). Plain concatenation keeps schema
// changes readable in code review; the name must not end in `.prisma`, or the CLI (pointed at the whole prisma/
// folder) would load it as part of the schema. The migration line is what makes two branches that both add a
// migration conflict in git instead of merging into a snapshot that matches neither.
const SNAPSHOT_HEADER =
  "// Prisma schema as of the migration named below, written by `npm run db:diff`. Do not edit: the next migration\n" +
  "// is generated by diffing this snapshot against the current schema.\n";
const MIGRATION_MARKER = "// migration: ";
const FILE_MARKER = "// file: ";

export type SchemaSnapshot = {
  /** The migration folder whose schema this is. */
  migration: string;
  files: SchemaFile[];
};

export function serializeSnapshot({ migration, files }: SchemaSnapshot): string {
  return (
    SNAPSHOT_HEADER +
    `${MIGRATION_MARKER}${migration}\n` +
    files
      .map((file) => {
        if (file.content.split("\n").some((line) => line.startsWith(FILE_MARKER))) {
          throw new Error(`${file.path} contains a line starting with "${FILE_MARKER}", which snapshots reserve.`);
        }
        const content = file.content.endsWith("\n") ? file.content : `${file.content}\n`;
        return `${FILE_MARKER}${file.path}\n${content}`;
      })
      .join("")
  );
}

export function parseSnapshot(snapshot: string): SchemaSnapshot {
  let migration: string | undefined;
  const files: SchemaFile[] = [];
  for (const line of snapshot.split(/(?<=\n)/)) {
    if (line.startsWith(FILE_MARKER)) {
      files.push({ path: line.slice(FILE_MARKER.length).trim(), content: "" });
    } else if (files.length > 0) {
      files[files.length - 1]!.content += line;
    } else if (line.startsWith(MIGRATION_MARKER)) {
      migration = line.slice(MIGRATION_MARKER.length).trim();
    }
  }
  if (files.length === 0) throw new Error(`Not a schema snapshot: no "${FILE_MARKER}<name>" line found.`);
  if (!migration) throw new Error(`The schema snapshot does not say which migration it matches ("${MIGRATION_MARKER}<folder>").`);
  return { migration, files };
}
