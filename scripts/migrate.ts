// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { migrate } from "@/lib/db/migrator";
import { withDatabase } from "@/scripts/lib/with-database";

await withDatabase(async () => {
  const { applied } = await migrate({ connectionString: process.env.DATABASE_URL!, log: (line) => console.log(line) });
  console.log(applied.length === 0 ? "Database schema is up to date." : `Applied ${applied.length} migration(s).`);
});
