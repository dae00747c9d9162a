// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "@/lib/db/local-instance";
import { MigrationError, migrate } from "@/lib/db/migrator";
import { EnvError, parseEnv } from "@/lib/env";

try {
  const database = await openDatabase(parseEnv());
  try {
    const { applied } = await migrate({ connectionString: database.databaseUrl, log: (line) => console.log(line) });
    console.log(applied.length === 0 ? "Database schema is up to date." : `Applied ${applied.length} migration(s).`);
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof EnvError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
