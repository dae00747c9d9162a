import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What a production build is made from; a file changed after `.next/BUILD_ID` means the build is stale.
const SOURCES = ["app", "components", "lib", "content", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs"];
const BUILD_ID = ".next/BUILD_ID";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** True when there is no production build, or a source changed since it was made (e.g. after `git pull`). */
export function buildIsStale(): boolean {
  return !existsSync(BUILD_ID) || statSync(BUILD_ID).mtimeMs <= Math.max(...SOURCES.map(newestMtime));
}

/**
 * Runs `next build` when the build is stale; exits with the build's status when it fails. Its output goes to
 * standard error, so a tool's own standard output (a report) stays clean.
 */
export function buildIfStale() {
  if (!buildIsStale()) return;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["inherit", 2, 2],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
