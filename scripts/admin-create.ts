// `npm run admin:create -- --email you@example.org [--name "Your Name"]`
// Creates the first admin. The password is asked for (hidden) on a terminal, or read
// from standard input when piped: printf '%s\n' "$PASSWORD" | npm run admin:create -- --email …
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/local-instance";
import { EnvError, parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readSecret } from "@/scripts/lib/read-secret";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"]');
  process.exit(2);
}

try {
  const env = parseEnv();
  const password = await readSecret("Password for the new admin: ");
  const { newAccountSchema } = await import("@/lib/features/users/schema");
  const parsed = newAccountSchema.safeParse({ email: values.email, name: values.name ?? values.email.split("@")[0], password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  const database = await openDatabase(env);
  process.env.DATABASE_URL = database.databaseUrl;
  try {
    const { createAdmin } = await import("@/lib/features/users/mutations");
    const user = await createAdmin(parsed.data);
    console.log(`Admin created: ${user.email}. Sign in at /login.`);
  } finally {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await database.stop();
  }
} catch (error) {
  if (error instanceof AppError || error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
