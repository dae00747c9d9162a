import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_OIDC } from "@/e2e/support/oidc-config";
import { E2E_SMTP } from "@/e2e/support/smtp-config";
import { CHROMIUM_FLAGS } from "@/scripts/lib/chromium";

// Run through `npm run test:e2e` (scripts/e2e.ts), which prepares a seeded database and
// a production build, then hands the server's address over in E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
const port = new URL(baseURL).port;

/** Debian's Chromium on CI and these machines; elsewhere CHROMIUM_PATH or Playwright's own browser. */
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  webServer: [
    // A real OpenID Connect provider for the single sign-on journeys (e2e/sso.spec.ts); Cairn discovers it on
    // each sign-in, so it only has to be up before a test signs in.
    {
      command: "node --import tsx e2e/support/oidc-provider.ts",
      env: { E2E_BASE_URL: baseURL },
      url: `${E2E_OIDC.issuer()}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    // A real SMTP server: Cairn runs with mail configured, as production does (e2e/support/mailbox.ts reads it).
    {
      command: "node --import tsx e2e/support/smtp-sink.ts",
      url: `${E2E_SMTP.api()}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    // Cairn's own HTTP server, as `npm start` and the Docker image run it; stopped with SIGTERM, so every run also
    // goes through its graceful shutdown.
    {
      command: "node --import tsx scripts/serve.ts",
      env: {
        PORT: port,
        OIDC_ISSUER: E2E_OIDC.issuer(),
        OIDC_CLIENT_ID: E2E_OIDC.clientId,
        OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        OIDC_NAME: E2E_OIDC.name,
        SMTP_URL: E2E_SMTP.url(),
        MAIL_FROM: "Cairn <cairn@example.test>",
      },
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
