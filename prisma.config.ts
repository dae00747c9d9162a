import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `prisma generate` here; migrations are applied by
// scripts/migrate.ts (see docs/decisions/001-own-migrator.md).
export default defineConfig({
  schema: "prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/cairn" },
});
