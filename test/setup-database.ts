// Gives each Vitest worker its own database cloned from the migrated template,
// emptied at the start of every test file so files never see each other's rows.
import { createDatabase, databaseUrl, truncateAllTables, withAdminClient } from "@/test/database";

const name = `cairn_test_${process.env.VITEST_POOL_ID ?? "0"}`;

const exists = await withAdminClient(async (client) => {
  const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return result.rowCount === 1;
});
const url = exists ? databaseUrl(name) : await createDatabase(name, { fromTemplate: true });
if (exists) await truncateAllTables(url);
process.env.DATABASE_URL = url;
