// `npm run profile -- [--pages roadmap,matrix,insights] [--seconds 10]`: where a Cairn page's server CPU goes
// (docs/performance.md, "Where the server's time goes"). For each page it starts one production web server process
// under `node --cpu-prof` on a throwaway database with the demo data, loads the page with 8 connections from a
// generator pinned to a core of its own, stops the server and charges every profile sample to what the code was doing
// (scripts/lib/profile/cpu-profile.ts). Prints Markdown; writes it and the raw figures to bench/results/.
// A profiler slows the server down: the request rates here are not a benchmark (`npm run bench` is).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { startCairnServer } from "@/scripts/lib/cairn-server";
import { signIn } from "@/scripts/lib/load/cairn-http";
import { commit, machine, pinnedCommand } from "@/scripts/lib/measuring-run";
import { breakdown, CATEGORIES, type CpuProfile } from "@/scripts/lib/profile/cpu-profile";
import { startThrowawayDatabase } from "@/scripts/lib/throwaway-database";

const PAGES = ["roadmap", "milestone", "queue", "review", "matrix", "insights", "sign-in"] as const;
type Page = (typeof PAGES)[number];
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 8;

const { values } = parseArgs({
  options: { pages: { type: "string", default: PAGES.join(",") }, seconds: { type: "string", default: "10" } },
});
const pages = values.pages.split(",") as Page[];
const seconds = Number(values.seconds);
if (pages.some((page) => !PAGES.includes(page)) || !Number.isFinite(seconds) || seconds < 1) {
  console.error(`Usage: npm run profile -- [--pages ${PAGES.join(",")}] [--seconds 10]`);
  process.exit(2);
}

function say(line: string) {
  process.stderr.write(`${line}\n`);
}

/** autocannon for `seconds` on the generator's own core; returns requests per second. */
function load(url: string, cookie: string, durationSeconds: number): number {
  const autocannon = path.join("node_modules", ".bin", "autocannon");
  const args = ["-c", String(CONNECTIONS), "-d", String(durationSeconds), "-j", "-H", `cookie: ${cookie}`, "-H", "accept-encoding: gzip", url];
  const [command, ...rest] = [...pinned, autocannon, ...args];
  const run = spawnSync(command!, rest);
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr.toString()}`);
  const result = JSON.parse(run.stdout.toString()) as { requests: { average: number }; non2xx: number; errors: number };
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url} answered ${result.non2xx} non-2xx and ${result.errors} errors.`);
  return result.requests.average;
}

const pinned = pinnedCommand();
buildIfStale();
say("Starting a throwaway database with the demo data…");
const database = await startThrowawayDatabase("cairn_profile");
const work = await mkdtemp(path.join(os.tmpdir(), "cairn-profile-"));
const rows: { page: Page; requestsPerSecond: number; busyMs: number; byCategory: Record<string, number> }[] = [];
try {
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  const { rows: [ids] } = await client.query<{ cohort: string; key: string; submission: string }>(`
    SELECT c.id AS cohort,
           (SELECT m.key FROM milestones m JOIN phases p ON p.id = m.phase_id
             WHERE m.version_id = c.version_id ORDER BY p.position, m.position LIMIT 1) AS key,
           (SELECT s.id FROM submissions s WHERE s.status = 'pending' ORDER BY s.created_at LIMIT 1) AS submission
      FROM cohorts c ORDER BY c.created_at LIMIT 1`);
  await client.end();
  const paths: Record<Page, [string, "learner" | "mentor" | null]> = {
    roadmap: ["/roadmap", "learner"],
    milestone: [`/roadmap/${ids!.key}`, "learner"],
    queue: ["/reviews", "mentor"],
    review: [`/reviews/${ids!.submission}`, "mentor"],
    matrix: [`/cohorts/${ids!.cohort}`, "mentor"],
    insights: [`/cohorts/${ids!.cohort}/insights`, "mentor"],
    "sign-in": ["/login", null],
  };
  const secret = randomBytes(32).toString("base64url");
  for (const page of pages) {
    const profileDir = path.join(work, page);
    const started = Date.now();
    const server = await startCairnServer({
      port: await freePort(),
      env: { DATABASE_URL: database.databaseUrl, NEXTAUTH_SECRET: secret, LOG_LEVEL: "warn", WEB_CONCURRENCY: "1" },
      logFile: path.join(work, `${page}.log`),
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=500"],
    });
    const [pagePath, role] = paths[page];
    const cookie = role ? await signIn(server.url, `${role}@example.com`, "cairn-demo") : "";
    load(`${server.url}${pagePath}`, cookie, WARM_UP_SECONDS);
    const fromMs = Date.now() - started;
    say(`Profiling ${page} (${pagePath}) for ${seconds} s…`);
    const requestsPerSecond = load(`${server.url}${pagePath}`, cookie, seconds);
    const toMs = Date.now() - started;
    await server.stop();
    const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
    if (!file || !existsSync(path.join(profileDir, file))) throw new Error(`The server wrote no CPU profile for ${page}.`);
    const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
    rows.push({ page, requestsPerSecond, ...breakdown(profile, { fromMs, toMs }) });
  }
} finally {
  await database.stop();
  await rm(work, { recursive: true, force: true });
}

const categories = [...CATEGORIES.map(([name]) => name), "Other"];
const cell = (row: (typeof rows)[number], category: string) => {
  const ms = row.byCategory[category] ?? 0;
  const perRequest = ms / (row.requestsPerSecond * seconds);
  return `${Math.round((100 * ms) / row.busyMs)} % (${perRequest.toFixed(1)})`;
};
const table = [
  `| share of server CPU (ms per request) | ${rows.map((row) => row.page).join(" | ")} |`,
  `|---|${rows.map(() => "---:").join("|")}|`,
  ...categories.map((category) => `| ${category} | ${rows.map((row) => cell(row, category)).join(" | ")} |`),
  `| **CPU ms per request (under the profiler)** | ${rows.map((row) => (row.busyMs / (row.requestsPerSecond * seconds)).toFixed(1)).join(" | ")} |`,
].join("\n");
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const heading = `CPU profile, ${stamp}, commit ${commit()}, ${machine()}, load ${os.loadavg()[0]!.toFixed(2)}, ${seconds} s per page, ${CONNECTIONS} connections`;
await mkdir("bench/results", { recursive: true });
await writeFile(`bench/results/profile-${stamp}.md`, `${heading}\n\n${table}\n`);
await writeFile(`bench/results/profile-${stamp}.json`, `${JSON.stringify({ stamp, commit: commit(), machine: machine(), seconds, rows }, null, 1)}\n`);
console.log(`${heading}\n\n${table}`);
