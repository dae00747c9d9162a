import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
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
  // Cairn's own HTTP server, as `npm start` and the Docker image run it; stopped with SIGTERM, so every run also
  // goes through its graceful shutdown.
  webServer: {
    command: "node --import tsx scripts/serve.ts",
    env: { PORT: port },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
