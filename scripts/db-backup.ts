// `npm run db:backup -- [--output <file> | --output -]`
// Writes one gzip archive of Cairn's database (DATABASE_URL, or the embedded one, also while Cairn is serving):
// by default to backups/cairn-backup-<UTC time>.gz, with `-` to standard output. Format and drill: docs/backups.md.
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/db/backup";
import { withDatabase } from "@/scripts/lib/with-database";

const { values } = parseArgs({ options: { output: { type: "string", short: "o" } } });
const toStdout = values.output === "-";
if (toStdout && process.stdout.isTTY) {
  console.error("Usage: npm run db:backup -- [--output <file>]  (--output - writes the archive to a pipe, not a terminal)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const file = toStdout ? null : path.resolve(values.output ?? path.join("backups", `cairn-backup-${stamp}.gz`));
if (file && existsSync(file)) {
  console.error(`${file} already exists; choose another --output. Nothing was written.`);
  process.exit(1);
}

await withDatabase(async () => {
  const connectionString = process.env.DATABASE_URL!;
  if (!file) {
    const summary = await backupDatabase({ connectionString, output: process.stdout });
    console.error(`Backed up ${summary.tables} tables, ${summary.rows} rows (migration level: ${summary.migration ?? "none"}).`);
    return;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written under another name and renamed when complete, so a file with the final name is always a whole backup.
  // It holds password hashes and personal data: owner-only.
  const partial = `${file}.partial`;
  try {
    const summary = await backupDatabase({ connectionString, output: createWriteStream(partial, { flags: "wx", mode: 0o600 }) });
    await rename(partial, file);
    const size = (await stat(file)).size;
    console.log(
      `Backed up ${summary.tables} tables, ${summary.rows} rows (migration level: ${summary.migration ?? "none"}) ` +
        `to ${path.relative(process.cwd(), file) || file} (${(size / 1024 / 1024).toFixed(1)} MB).`,
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
});
