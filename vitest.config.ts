import path from "node:path";
import { defineConfig } from "vitest/config";

// An unusual offset (UTC+13:45) makes date code that forgets the time zone fail.
process.env.TZ = "Pacific/Chatham";
// Expected failures (refused actions, a database that is down on purpose) would otherwise flood the output.
process.env.LOG_LEVEL ??= "silent";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "**/.next/**", "e2e/**", ".data/**", "dist/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-database.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
