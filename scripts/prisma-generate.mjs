// Runs `prisma generate` offline. The Prisma CLI insists on locating its schema
// engine binary before generating, although generation does not use it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (see docs/decisions/001-own-migrator.md).
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
