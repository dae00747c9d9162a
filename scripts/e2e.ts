// `npm run test:e2e`: a throwaway embedded PostgreSQL with the demo data, a production
// build (rebuilt only when sources changed), then Playwright against Cairn's own server (scripts/serve.ts), a
// test OpenID Connect provider for single sign-on (e2e/support/oidc-provider.ts) and a test mail server
// (e2e/support/smtp-sink.ts).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { freePort } from "@/lib/db/embedded";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { startThrowawayDatabase } from "@/scripts/lib/throwaway-database";

buildIfStale();

const database = await startThrowawayDatabase("cairn_e2e");
let status = 1;
try {
  const port = await freePort();
  const oidcPort = await freePort();
  const smtpPort = await freePort();
  const smtpApiPort = await freePort();
  const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      E2E_BASE_URL: `http://127.0.0.1:${port}`,
      E2E_OIDC_PORT: String(oidcPort),
      E2E_SMTP_PORT: String(smtpPort),
      E2E_SMTP_API_PORT: String(smtpApiPort),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
  status = result.status ?? 1;
} finally {
  await database.stop();
}
process.exit(status);
