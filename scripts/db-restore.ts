// `npm run db:restore -- <file | ->`
// Loads an archive made by `npm run db:backup` into Cairn's database (DATABASE_URL, or the embedded one), which
// must be empty: all tables in one transaction, or nothing. Refusals and the restore drill: docs/backups.md.
import { createReadStream, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/lib/db/backup";
import { withDatabase } from "@/scripts/lib/with-database";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file || (file === "-" && process.stdin.isTTY)) {
  console.error("Usage: npm run db:restore -- <backup file>   (or - to read the archive from standard input)");
  process.exit(2);
}
if (file !== "-" && !existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(1);
}

await withDatabase(async () => {
  const input = file === "-" ? process.stdin : createReadStream(file);
  const summary = await restoreDatabase({ connectionString: process.env.DATABASE_URL!, input });
  console.log(`Restored ${summary.tables} tables, ${summary.rows} rows (migration level: ${summary.migration ?? "none"}).`);
});
