// `npm run admin:create -- --email you@example.org [--name "Your Name"]`
// Creates the first admin. The password is asked for (hidden) on a terminal, or read
// from standard input when piped: printf '%s\n' "$PASSWORD" | npm run admin:create -- --email …
import { parseArgs } from "node:util";
import { newAccountSchema } from "@/lib/features/users/schema";
import { readSecret } from "@/scripts/lib/read-secret";
import { withDatabase } from "@/scripts/lib/with-database";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"]');
  process.exit(2);
}

const password = await readSecret("Password for the new admin: ");
const parsed = newAccountSchema.safeParse({ email: values.email, name: values.name ?? values.email.split("@")[0], password });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

await withDatabase(async () => {
  const { createAdmin } = await import("@/lib/features/users/mutations");
  const user = await createAdmin(parsed.data);
  console.log(`Admin created: ${user.email}. Sign in at /login.`);
});
