import { BackupError } from "@/lib/db/backup";
import { openDatabase } from "@/lib/db/local-instance";
import { MigrationError } from "@/lib/db/migrator";
import { EnvError, parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Runs a command-line task against Cairn's database (DATABASE_URL, or the embedded one),
 * then closes everything. Expected failures print their message and exit 1; `work`
 * may also return an exit code.
 */
export async function withDatabase(work: () => Promise<number | void>): Promise<never> {
  let code = 0;
  try {
    const database = await openDatabase(parseEnv(), { reuseRunning: true });
    process.env.DATABASE_URL = database.databaseUrl;
    try {
      code = (await work()) ?? 0;
    } finally {
      // Imported late: DATABASE_URL must be set before the client is created.
      const { db } = await import("@/lib/db");
      await db.$disconnect();
      await database.stop();
    }
  } catch (error) {
    if (!(error instanceof EnvError || error instanceof AppError || error instanceof MigrationError || error instanceof BackupError)) {
      throw error;
    }
    console.error(error.message);
    code = 1;
  }
  process.exit(code);
}
