// `npm run bench -- [--quick] [--sizes S,M,L] [--pages roadmap,milestone,queue,review,matrix,login,health] [--rounds 3] [--seconds 3]`
// How fast Cairn's main pages are relative to baselines measured in the same run (docs/performance.md, "The
// benchmark"; docs/decisions/021, 037): a plain server answering Cairn's captured bytes (B_static), node:http + pg +
// react-dom/server rendering the same data as equally many elements (B_render) and a bare Next.js page rendering
// B_render's (B_next), at three dataset sizes in one embedded PostgreSQL. Prints Markdown, writes bench/results/bench-<stamp>.{md,json}.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrator";
import { generateDataset, insertDataset, rowCounts, type Dataset, type DatasetItem } from "@/scripts/lib/bench/dataset";
import type { GeneratorConfig, Measurement, MeasurementResult } from "@/scripts/lib/bench/generator";
import { calibrate, countElements, cpuMsPerRequest, cpuTicks, percentileOf, ratioSpread, spread, type Spread } from "@/scripts/lib/bench/measure";
import type { PageKind, RenderPage } from "@/scripts/lib/bench/render-pages";
import type { StaticPage } from "@/scripts/lib/bench/static-server";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { startCairnServer, type CairnServer } from "@/scripts/lib/cairn-server";
import { actionHeaders, findActionIds, signIn } from "@/scripts/lib/load/cairn-http";
import { summarizeRun } from "@/scripts/lib/load/report";
import type { PlannedRequest, RunConfig, RunResult } from "@/scripts/lib/load/types";
import { canPin, commit, GENERATOR_CORE, machine, runPinnedScript } from "@/scripts/lib/measuring-run";

const USAGE = "Usage: npm run bench -- [--quick] [--sizes S,M,L] [--pages roadmap,matrix,…] [--rounds <n>] [--seconds <s>]";
const SIZES: Record<string, number> = { S: 20, M: 200, L: 500 };
const PAGE_NAMES = ["roadmap", "milestone", "queue", "review", "matrix", "insights", "login", "health"] as const;
type PageName = (typeof PAGE_NAMES)[number];
/** Pages B_render rebuilds; the cohort's insights, /login and /api/health are measured against B_static only. */
const RENDERED: Partial<Record<PageName, PageKind>> = { roadmap: "roadmap", milestone: "milestone", queue: "queue", review: "review", matrix: "matrix" };
/** Reference routes that answer in a few milliseconds: a short window is plenty (FAST_WINDOW_SECONDS). */
const FAST_PAGES: ReadonlySet<PageName> = new Set(["login", "health"]);
const MENTORS = 3;
const SEED = 2027;
const CONNECTIONS = 8;
/**
 * A slow page answers its 8 concurrent requests together, a batch every few hundred milliseconds; a window of a few
 * batches would make its rate jump by a whole batch. A target's window is long enough for this many answers at its
 * single-client pace, up to MAX_WINDOW_SECONDS.
 */
const MIN_ANSWERS = 24;
const MAX_WINDOW_SECONDS = 12;
/** B_static and the reference routes answer hundreds to thousands of requests a second: a short window is plenty. */
const FAST_WINDOW_SECONDS = 2;
const TICKERS = 20;
const PASSWORD = "bench-password-not-secret";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    pages: { type: "string", default: PAGE_NAMES.join(",") },
    rounds: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    counted: { type: "string" },
  },
});
const sizes = (values.sizes ?? (values.quick ? "S" : "S,M,L")).split(",");
const pages = values.pages.split(",") as PageName[];
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const seconds = Number(values.seconds ?? (values.quick ? 2 : 3));
const warmupSeconds = Number(values.warmup ?? 1);
/** Requests per page for the statement count and the single-client latency. */
const counted = Number(values.counted ?? (values.quick ? 5 : 10));
const tickSeconds = values.quick ? 5 : 10;
if (
  sizes.some((size) => !(size in SIZES)) ||
  pages.some((page) => !PAGE_NAMES.includes(page)) ||
  ![rounds, counted].every((n) => Number.isInteger(n) && n >= 1) ||
  ![seconds, warmupSeconds].every((n) => Number.isFinite(n) && n >= 0) ||
  seconds === 0
) {
  console.error(USAGE);
  process.exit(2);
}

function say(line: string) {
  process.stderr.write(`${line}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/** One GET with the body as sent (still gzipped): fetch would decompress it. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const html = (response: RawResponse) => (response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(response.body) : response.body).toString("utf8");

/**
 * Starts a baseline server process and waits until it answers. Its config goes to a file, which `launch` hands over
 * (an argument of the tsx servers, an environment variable of B_next).
 */
async function startBaseline(
  name: string,
  config: { port: number; [setting: string]: unknown },
  launch: (configFile: string) => { args: string[]; env?: Record<string, string> },
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "cairn-bench-"));
  const configFile = path.join(directory, "config.json");
  await writeFile(configFile, JSON.stringify(config));
  const { args, env } = launch(configFile);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production", ...env } });
  const url = `http://127.0.0.1:${config.port}`;
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping) say(`${name} (pid ${child.pid}) exited during the run: ${signal ?? `code ${code}`}.`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    await rm(directory, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting.`);
    if (await rawGet(`${url}/__ready`).then(() => true, () => false)) return { url, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${name} did not start within 30 s.`);
}

/** node arguments of a baseline server in scripts/lib/bench/, run with tsx. */
const tsxServer = (file: string, configFile: string) => ["--import", "tsx", path.join("scripts/lib/bench", file), configFile];

/** B_next: a Next.js app of one page (scripts/lib/bench/next-baseline/), built once per run with this checkout's Next. */
const NEXT_BASELINE = "scripts/lib/bench/next-baseline";
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function buildNextBaseline() {
  say("Building B_next (a one-page Next.js app)…");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build", NEXT_BASELINE], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`B_next did not build:\n${`${build.stdout}${build.stderr}`.slice(-2000)}`);
}

// --- Statement counts ------------------------------------------------------------------------------------------

const NOISE = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|DEALLOCATE|DISCARD)\b/i;
/** The viewer's session check on every request (lib/auth/viewer.ts): counted apart. */
const SESSION_LOOKUP = /FROM "public"\."users"( AS "\w+")? WHERE .*"session_version"/s;

type StatementCount = { perRequest: number; session: number; noise: number; statements: { query: string; calls: number }[] };

async function countStatements(client: pg.Client, requests: number, send: () => Promise<void>): Promise<StatementCount> {
  await client.query("SELECT pg_stat_statements_reset()");
  await send();
  const { rows } = await client.query<{ query: string; calls: string }>(
    "SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'",
  );
  let counted = 0;
  let session = 0;
  let noise = 0;
  const statements = [];
  for (const row of rows) {
    const calls = Number(row.calls);
    if (NOISE.test(row.query)) noise += calls;
    else if (SESSION_LOOKUP.test(row.query)) session += calls;
    else {
      counted += calls;
      statements.push({ query: row.query.replace(/\s+/g, " ").slice(0, 160), calls });
    }
  }
  return { perRequest: counted / requests, session: session / requests, noise: noise / requests, statements: statements.sort((a, b) => b.calls - a.calls) };
}

// --- The run ---------------------------------------------------------------------------------------------------

type PageReport = {
  page: PageName;
  path: string;
  elements: { cairn: number; render: number | null; next: number | null };
  bytes: { cairn: number; gzipped: boolean };
  rows: number | null;
  shape: { perRow: number; padding: number } | null;
  statements: { cairn: StatementCount; render: StatementCount | null };
  singleClientMs: { cairn: number; render: number | null };
  throughput: Record<Baseline, MeasurementResult[]>;
};

/** Cairn and the three baselines, as the generator's measurement ids name them ("M roadmap next"). */
type Baseline = "cairn" | "static" | "render" | "next";

type SizeReport = { size: string; learners: number; database: string; seedSeconds: number; rows: Record<string, number>; pages: PageReport[] };

const started = new Date();
const stamp = started.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const loadAverage = os.loadavg().map((value) => value.toFixed(2)).join(" ");
const RESULTS_DIR = "bench/results";
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
const pinned = canPin();
if (pinned) {
  // This process and everything it starts (PostgreSQL, Cairn, the baselines) stay off the generator's core.
  const others = Array.from({ length: os.cpus().length }, (_, core) => core).filter((core) => core !== GENERATOR_CORE);
  spawnSync("taskset", ["-a", "-p", "-c", others.join(","), String(process.pid)], { stdio: "ignore" });
}

const reports: SizeReport[] = [];
let tick: TickReport | undefined;
let cluster: EmbeddedDatabase | undefined;
const running: { stop: () => Promise<void> }[] = [];
let exitCode = 0;
await mkdir(RESULTS_DIR, { recursive: true });
try {
  buildIfStale();
  if (pages.some((name) => RENDERED[name])) buildNextBaseline();
  say("Starting PostgreSQL with pg_stat_statements…");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cairn-bench-pg-"));
  cluster = await startEmbeddedPostgres({
    dataDir,
    password: "cairn_bench",
    removeOnStop: true,
    settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" },
  });
  const serverUrl = cluster.serverUrl;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  running.push({ stop: () => admin.end() });

  // The roadmap, imported once through Cairn's own importer; each dataset's database is a copy of it.
  const seedStarted = performance.now();
  await admin.query("CREATE DATABASE bench_base");
  const baseUrl = `${serverUrl}/bench_base`;
  await migrate({ connectionString: baseUrl });
  process.env.DATABASE_URL = baseUrl;
  const { importDefaultRoadmap } = await import("@/prisma/factories/roadmaps");
  const { hashPassword } = await import("@/lib/auth/password");
  const { versionId } = await importDefaultRoadmap();
  const passwordHash = await hashPassword(PASSWORD);
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const base = new pg.Client({ connectionString: baseUrl });
  await base.connect();
  await base.query("CREATE EXTENSION pg_stat_statements");
  const items = (
    await base.query<DatasetItem>(
      `SELECT m.key, m.review_required AS "reviewRequired", m.evidence::text AS evidence FROM milestones m JOIN phases p ON p.id = m.phase_id
        WHERE m.version_id = $1 AND m.archived_at IS NULL ORDER BY p.position, m.position`,
      [versionId],
    )
  ).rows;
  const projectKeys = (await base.query<{ key: string }>("SELECT key FROM portfolio_projects WHERE version_id = $1 ORDER BY position", [versionId])).rows.map((row) => row.key);
  await base.end();
  const today = new Date(`${started.toISOString().slice(0, 10)}T00:00:00Z`);
  say(`Roadmap imported (${items.length} milestones, ${projectKeys.length} projects) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);

  const tickSize = sizes.includes("M") ? "M" : sizes[0]!;
  for (const size of sizes) {
    const learners = SIZES[size]!;
    const database = `bench_${size.toLowerCase()}`;
    const seeding = performance.now();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE bench_base`);
    const databaseUrl = `${serverUrl}/${database}`;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const sizeStarted = running.length;
    running.push({ stop: () => client.end() });
    const dataset = generateDataset({ learners, mentors: MENTORS, seed: SEED, today, versionId, items, projectKeys, passwordHash });
    await insertDataset(client, dataset);
    await client.query("ANALYZE");
    const seedSeconds = (performance.now() - seeding) / 1000;
    const rows = rowCounts(dataset);
    say(`Dataset ${size}: ${learners} learners, ${rows.submissions} attempts, ${rows.checkins} check-ins, seeded in ${seedSeconds.toFixed(1)} s.`);

    const report = await measureSize({ size, dataset, databaseUrl, client, items });
    reports.push({ size, learners, database, seedSeconds, rows, pages: report.pages });
    if (size === tickSize) tick = await measureTicks(report.cairn, dataset, client, items);
    while (running.length > sizeStarted) await running.pop()!.stop();
  }

  await writeResults();
} catch (error) {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
  if (reports.length > 0) await writeResults(error instanceof Error ? error.message : String(error));
} finally {
  while (running.length > 0) await running.pop()!.stop().catch(() => {});
  await cluster?.stop();
  // B_next's build is this run's alone: neither it nor the type file Next writes beside it stays among the sources.
  for (const output of [".next", "next-env.d.ts"]) await rm(path.join(NEXT_BASELINE, output), { recursive: true, force: true });
}
process.exit(exitCode);

/** The JSON with every raw figure, then the Markdown (printed and written); `failure` marks a run that stopped early. */
async function writeResults(failure?: string) {
  const durationSeconds = (Date.now() - started.getTime()) / 1000;
  const meta = {
    startedAt: started.toISOString(),
    durationSeconds,
    commit: commit(),
    machine: machine(),
    node: process.version,
    loadAverageAtStart: loadAverage,
    failure: failure ?? null,
    settings: { sizes, pages, rounds, seconds, warmupSeconds, counted, connections: CONNECTIONS, minAnswers: MIN_ANSWERS, maxWindowSeconds: MAX_WINDOW_SECONDS, fastWindowSeconds: FAST_WINDOW_SECONDS, seed: SEED, today: started.toISOString().slice(0, 10), pinned, generatorCore: pinned ? GENERATOR_CORE : null, ticksPerSecond },
  };
  await writeFile(path.join(RESULTS_DIR, `bench-${stamp}.json`), JSON.stringify({ ...meta, sizes: reports, tick }, null, 2));
  const markdown = (failure ? `**Incomplete: ${failure}**\n\n` : "") + renderMarkdown(meta, reports, tick);
  process.stdout.write(`\n${markdown}\n`);
  await writeFile(path.join(RESULTS_DIR, `bench-${stamp}.md`), `${markdown}\n`);
  say(`\nWrote ${RESULTS_DIR}/bench-${stamp}.md and .json in ${(durationSeconds / 60).toFixed(1)} min.`);
}

async function measureSize({ size, dataset, databaseUrl, client, items }: { size: string; dataset: Dataset; databaseUrl: string; client: pg.Client; items: DatasetItem[] }) {
  const serverLog = path.join(RESULTS_DIR, `bench-${stamp}-${size}-server.log`);
  const cairn: CairnServer = await startCairnServer({
    port: await freePort(),
    // One process against one baseline process: the ratios measure the code, not the cores (decision 029).
    // Background jobs off: their polling would be counted as the pages' statements and compete for the core.
    env: { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn", WEB_CONCURRENCY: "1", CAIRN_JOBS: "off" },
    logFile: serverLog,
  });
  running.push(cairn);
  const learner = dataset.learners[0]!;
  const mentor = dataset.mentors[0]!;
  const cookies = { learner: await signIn(cairn.url, learner.email, PASSWORD), mentor: await signIn(cairn.url, mentor.email, PASSWORD) };

  // The same learner and the same attempt at every size: learner streams do not depend on the cohort's size.
  const progressOf = new Map(dataset.tables.progress.map((p) => [p.id as string, p]));
  const attempts = dataset.tables.submissions.filter((s) => progressOf.get(s.progress_id as string)?.membership_id === learner.membershipId);
  const byItem = new Map<string, number>();
  for (const attempt of attempts) {
    const key = progressOf.get(attempt.progress_id as string)!.item_key as string;
    byItem.set(key, (byItem.get(key) ?? 0) + 1);
  }
  const milestoneKey = [...byItem].filter(([key]) => items.some((item) => item.key === key)).sort((a, b) => b[1] - a[1])[0]?.[0] ?? items[0]!.key;
  const membershipIndex = new Map(dataset.learners.map((l, index) => [l.membershipId, index]));
  const pending = dataset.tables.submissions
    .filter((s) => s.status === "pending")
    .map((s) => ({ id: s.id as string, learner: membershipIndex.get(progressOf.get(s.progress_id as string)!.membership_id as string)! }))
    .sort((a, b) => a.learner - b.learner)[0];
  if (!pending) throw new Error(`Dataset ${size} has no pending attempt to review.`);

  const targets: Record<PageName, { path: string; cookie?: string; params?: Record<string, string> }> = {
    roadmap: { path: "/roadmap", cookie: cookies.learner, params: { cohortId: dataset.cohortId, membershipId: learner.membershipId } },
    milestone: { path: `/roadmap/${milestoneKey}`, cookie: cookies.learner, params: { cohortId: dataset.cohortId, membershipId: learner.membershipId, key: milestoneKey } },
    queue: { path: "/reviews", cookie: cookies.mentor, params: { mentorId: mentor.userId } },
    review: { path: `/reviews/${pending.id}`, cookie: cookies.mentor, params: { submissionId: pending.id } },
    matrix: { path: `/cohorts/${dataset.cohortId}`, cookie: cookies.mentor, params: { cohortId: dataset.cohortId } },
    insights: { path: `/cohorts/${dataset.cohortId}/insights`, cookie: cookies.mentor },
    login: { path: "/login" },
    health: { path: "/api/health" },
  };
  const headersOf = (name: PageName): Record<string, string> => (targets[name].cookie ? { cookie: targets[name].cookie! } : {});

  const renderPages: RenderPage[] = pages.flatMap((name) => {
    const kind = RENDERED[name];
    return kind ? [{ path: targets[name].path, kind, params: targets[name].params!, perRow: 1, padding: 0 }] : [];
  });
  const render = await startBaseline("B_render", { port: await freePort(), databaseUrl, pages: renderPages }, (file) => ({ args: tsxServer("render-server.tsx", file) }));
  running.push(render);

  const reports: PageReport[] = [];
  const captured: StaticPage[] = [];
  for (const name of pages) {
    const target = targets[name];
    const response = await rawGet(`${cairn.url}${target.path}`, headersOf(name));
    if (response.status !== 200) throw new Error(`${size} ${name}: GET ${target.path} answered ${response.status}; see ${serverLog}.`);
    const keep = ["content-type", "content-encoding", "vary", "cache-control"];
    captured.push({
      path: target.path,
      status: 200,
      headers: Object.fromEntries(keep.flatMap((header) => (response.headers[header] ? [[header, String(response.headers[header])]] : []))),
      bodyBase64: response.body.toString("base64"),
    });
    const isHtml = String(response.headers["content-type"]).startsWith("text/html");
    const elements = isHtml ? countElements(html(response)) : 0;
    let renderElements: number | null = null;
    let rows: number | null = null;
    let shape: PageReport["shape"] = null;
    if (RENDERED[name]) {
      rows = (JSON.parse((await rawGet(`${render.url}/__rows${target.path}`)).body.toString("utf8")) as { rows: number }).rows;
      shape = calibrate(elements, rows);
      await fetch(`${render.url}/__shape`, { method: "POST", body: JSON.stringify({ path: target.path, ...shape }) });
      renderElements = countElements(html(await rawGet(`${render.url}${target.path}`)));
    }
    reports.push({
      page: name,
      path: target.path,
      elements: { cairn: elements, render: renderElements, next: null },
      bytes: { cairn: response.body.length, gzipped: response.headers["content-encoding"] === "gzip" },
      rows,
      shape,
      statements: { cairn: { perRequest: 0, session: 0, noise: 0, statements: [] }, render: null },
      singleClientMs: { cairn: 0, render: null },
      throughput: { cairn: [], static: [], render: [], next: [] },
    });
  }
  const staticServer = await startBaseline("B_static", { port: await freePort(), pages: captured }, (file) => ({ args: tsxServer("static-server.ts", file) }));
  running.push(staticServer);
  // B_next renders B_render's pages with the shapes calibrated above, so both draw the same elements.
  const nextPort = await freePort();
  const shaped = renderPages.map((page) => ({ ...page, ...reports.find((report) => report.path === page.path)!.shape }));
  // Only built when a page it renders was asked for (--pages insights,login has none).
  const next =
    shaped.length > 0
      ? await startBaseline("B_next", { port: nextPort, databaseUrl, pages: shaped }, (file) => ({
          args: [NEXT_BIN, "start", NEXT_BASELINE, "--port", String(nextPort), "--hostname", "127.0.0.1"],
          env: { BENCH_NEXT_CONFIG: file },
        }))
      : null;
  if (next) running.push(next);
  for (const report of reports) {
    if (next && RENDERED[report.page]) report.elements.next = countElements(html(await rawGet(`${next.url}${report.path}`)));
  }

  say(`${size}: counting statements (${counted} requests per page, one at a time)…`);
  for (const report of reports) {
    const sequential = async (url: string, headers: Record<string, string>) => {
      const times: number[] = [];
      for (let index = 0; index < counted; index += 1) times.push((await rawGet(url, headers)).ms);
      return percentileOf(times, 50);
    };
    report.statements.cairn = await countStatements(client, counted, async () => {
      report.singleClientMs.cairn = await sequential(`${cairn.url}${report.path}`, headersOf(report.page));
    });
    if (RENDERED[report.page]) {
      report.statements.render = await countStatements(client, counted, async () => {
        report.singleClientMs.render = await sequential(`${render.url}${report.path}`, {});
      });
    }
  }

  for (let round = 1; round <= rounds; round += 1) {
    say(`${size}: round ${round} of ${rounds} (${pages.length} pages, at least ${seconds} s per target)…`);
    const windowFor = (singleClientMs: number | null) =>
      singleClientMs === null ? seconds : Math.min(MAX_WINDOW_SECONDS, Math.max(seconds, Math.ceil((MIN_ANSWERS * singleClientMs) / 1000)));
    const measurements: Measurement[] = reports.flatMap((report) => {
      const common = { path: report.path, connections: CONNECTIONS, seconds, warmupSeconds: round === 1 ? warmupSeconds : 0 };
      const fast = Math.min(seconds, FAST_WINDOW_SECONDS);
      const cairnWindow = FAST_PAGES.has(report.page) ? fast : windowFor(report.singleClientMs.cairn);
      return [
        { ...common, id: `${report.page} cairn`, url: cairn.url, headers: headersOf(report.page), pid: cairn.pid, seconds: cairnWindow },
        { ...common, id: `${report.page} static`, url: staticServer.url, headers: {}, seconds: fast, warmupSeconds: 0 },
        ...(RENDERED[report.page] && next
          ? [
              { ...common, id: `${report.page} render`, url: render.url, headers: {}, pid: render.child.pid, seconds: windowFor(report.singleClientMs.render) },
              { ...common, id: `${report.page} next`, url: next.url, headers: {}, pid: next.child.pid },
            ]
          : []),
      ];
    });
    const config: GeneratorConfig = { ticksPerSecond, measurements };
    const results = await runPinnedScript<MeasurementResult[]>("scripts/lib/bench/generator.ts", config);
    const servers: [string, number][] = [["Cairn's server", cairn.pid], ["B_render", render.child.pid!], ...(next ? [["B_next", next.child.pid!] as [string, number]] : [])];
    for (const [name, pid] of servers) {
      if (!isAlive(pid)) throw new Error(`${name} (pid ${pid}) is gone: it crashed or something outside the benchmark stopped it (see ${serverLog}).`);
    }
    for (const result of results) {
      const [page, target] = result.id.split(" ") as [PageName, Baseline];
      reports.find((report) => report.page === page)!.throughput[target].push(result);
    }
  }
  return { pages: reports, cairn: { url: cairn.url, pid: cairn.pid } };
}

type TickReport = Awaited<ReturnType<typeof measureTicks>>;

type TickRun = { served: number; p50?: number; p95?: number; cpuMsPerTick: number; outcomes?: Record<string, number>; errors: Record<string, number> };

/**
 * 20 learners ticking self-check milestones (complete, then reopen, and so on), as the roadmap's buttons do, twice
 * (decision 033): in an open loop, each learner ticking once a second at their own moment, which gives the round trip
 * people see and is what the target judges; and in a closed loop, each learner ticking again as soon as the last tick
 * is answered, which gives the ticks per second one process sustains.
 */
async function measureTicks(cairn: { url: string; pid: number }, dataset: Dataset, client: pg.Client, items: DatasetItem[]) {
  const tickers = dataset.learners.slice(0, TICKERS);
  const tickable = items.filter((item) => !item.reviewRequired && item.evidence !== "required").map((item) => item.key);
  const cookies: string[] = [];
  for (const learner of tickers) cookies.push(await signIn(cairn.url, learner.email, PASSWORD));
  const { tickMilestoneAction } = await findActionIds(cairn.url, "/roadmap", cookies[0]!, ["tickMilestoneAction"]);
  const statuses = async () => {
    const { rows } = await client.query<{ membership_id: string; item_key: string; status: string }>(
      "SELECT membership_id, item_key, status::text FROM progress WHERE membership_id = ANY($1::uuid[])",
      [tickers.map((learner) => learner.membershipId)],
    );
    return new Map(rows.map((row) => [`${row.membership_id} ${row.item_key}`, row.status]));
  };
  const initial = await statuses();
  // The same three milestones of each learner in both runs; which event comes first is read again before each.
  const pairsOf = tickers.map((learner) => ({
    learner,
    keys: tickable.filter((key) => ["not_started", "in_progress", "done", undefined].includes(initial.get(`${learner.membershipId} ${key}`))).slice(-3),
  }));
  async function run(name: string, settings: Pick<RunConfig, "rate" | "spread">): Promise<TickRun> {
    const status = await statuses();
    const perLearner = pairsOf.map(({ learner, keys }, index) =>
      keys.map((key): PlannedRequest => ({
        category: "tick milestone",
        method: "POST",
        path: "/roadmap",
        headers: actionHeaders(cairn.url, tickMilestoneAction!, cookies[index]!),
        tick: { pair: `${learner.membershipId} ${key}`, cohortId: dataset.cohortId, itemKey: key, first: status.get(`${learner.membershipId} ${key}`) === "done" ? "reopen" : "complete" },
      })),
    );
    // Learner by learner within each slot, so the 20 requests in flight belong to 20 different people.
    const schedule = Array.from({ length: 3 }, (_, slot) => perLearner.flatMap((planned) => (planned[slot] ? [planned[slot]] : []))).flat();
    const config: RunConfig = { name, url: cairn.url, connections: tickers.length, durationSeconds: tickSeconds, timeoutSeconds: 10, schedule, ...settings };
    const before = cpuTicks(readFileSync(`/proc/${cairn.pid}/stat`, "utf8"));
    const summary = summarizeRun(await runPinnedScript<RunResult>("scripts/lib/load/generator.ts", config));
    const after = cpuTicks(readFileSync(`/proc/${cairn.pid}/stat`, "utf8"));
    const category = summary.categories["tick milestone"];
    return {
      served: summary.served,
      p50: category?.latency.p50,
      p95: category?.latency.p95,
      cpuMsPerTick: cpuMsPerRequest(before, after, summary.answered, ticksPerSecond),
      outcomes: category?.outcomes,
      errors: summary.errors,
    };
  }
  // The open loop first: the closed loop ends with 20 ticks in flight, which may still be written after it stops.
  say(`Ticking: ${tickers.length} learners, each once a second, for ${tickSeconds} s…`);
  const open = await run("tick, open loop", { rate: tickers.length, spread: true });
  say(`Ticking: ${tickers.length} learners in a closed loop for ${tickSeconds} s…`);
  const closed = await run("tick, closed loop", {});
  return { learners: tickers.length, seconds: tickSeconds, closed, open };
}

// --- Report ----------------------------------------------------------------------------------------------------

function fmt(value: number, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : "—";
}

function spreadText(s: Spread, digits = 0) {
  return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

function rps(results: MeasurementResult[]) {
  return results.map((r) => r.requestsPerSecond);
}

function renderMarkdown(meta: { startedAt: string; commit: string; machine: string; loadAverageAtStart: string; durationSeconds: number; settings: Record<string, unknown> }, reports: SizeReport[], tick: TickReport | undefined): string {
  const lines = [
    `## Benchmark ${meta.startedAt} (commit ${meta.commit})`,
    "",
    `${meta.machine}; load average at start ${meta.loadAverageAtStart}; ${rounds} interleaved round(s) of ${seconds} s per target (longer for slow pages: ${MIN_ANSWERS} answers at their single-client pace, up to ${MAX_WINDOW_SECONDS} s; ${FAST_WINDOW_SECONDS} s for B_static, /login and /api/health), ${CONNECTIONS} connections; ` +
      `generator ${meta.settings.pinned ? `pinned to core ${GENERATOR_CORE}, servers and PostgreSQL on the others` : "unpinned"}; run took ${(meta.durationSeconds / 60).toFixed(1)} min.`,
    "",
    "req/s and ratios: median (min–max) across rounds. Elements: start tags in the body, scripts excluded. Statements: per request, from pg_stat_statements, session lookup and BEGIN/COMMIT excluded.",
    "",
    "| size | page | elements Cairn / B_render | Cairn req/s | B_render req/s | B_static req/s | Cairn ÷ B_render | Cairn ÷ B_static | Cairn p50 / p95 ms | CPU ms/req Cairn / B_render | statements Cairn / B_render |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const size of reports) {
    for (const page of size.pages) {
      const cairn = page.throughput.cairn;
      const render = page.throughput.render;
      const cpu = (results: MeasurementResult[]) => spread(results.map((r) => r.cpuMsPerRequest ?? Number.NaN)).median;
      lines.push(
        `| ${size.size} | ${page.page} | ${page.elements.cairn} / ${page.elements.render ?? "—"} | ${spreadText(spread(rps(cairn)))} | ` +
          `${render.length ? spreadText(spread(rps(render))) : "—"} | ${spreadText(spread(rps(page.throughput.static)))} | ` +
          `${render.length ? spreadText(ratioSpread(rps(cairn), rps(render)), 2) : "—"} | ${spreadText(ratioSpread(rps(cairn), rps(page.throughput.static)), 3)} | ` +
          `${fmt(spread(cairn.map((r) => r.p50)).median)} / ${fmt(spread(cairn.map((r) => r.p95)).median)} | ` +
          `${fmt(cpu(cairn), 2)} / ${render.length ? fmt(cpu(render), 2) : "—"} | ${fmt(page.statements.cairn.perRequest, 1)} / ${page.statements.render ? fmt(page.statements.render.perRequest, 1) : "—"} |`,
      );
    }
  }
  lines.push(
    "",
    "### Against a Next.js page of the same data (B_next)",
    "",
    "B_next renders B_render's data and elements as one Next.js server component: no session, ORM or client components. B_next ÷ B_render is what Next.js alone leaves of the hand-written renderer's rate.",
    "",
    "| size | page | elements B_next | B_next req/s | B_next ÷ B_render | Cairn ÷ B_next | CPU ms/req B_next |",
    "|---|---|---|---|---|---|---|",
  );
  for (const size of reports) {
    for (const page of size.pages.filter((p) => p.throughput.next.length)) {
      const { cairn, render, next } = page.throughput;
      lines.push(
        `| ${size.size} | ${page.page} | ${page.elements.next ?? "—"} | ${spreadText(spread(rps(next)))} | ${spreadText(ratioSpread(rps(next), rps(render)), 2)} | ` +
          `${spreadText(ratioSpread(rps(cairn), rps(next)), 2)} | ${fmt(spread(next.map((r) => r.cpuMsPerRequest ?? Number.NaN)).median, 2)} |`,
      );
    }
  }
  lines.push("", "### Statements per request (Cairn; + session lookups)", "", `| page | ${reports.map((r) => r.size).join(" | ")} |`, `|---|${reports.map(() => "---|").join("")}`);
  for (const name of pages) {
    const cells = reports.map((r) => {
      const page = r.pages.find((p) => p.page === name);
      return page ? `${fmt(page.statements.cairn.perRequest, 1)} + ${fmt(page.statements.cairn.session, 1)}` : "—";
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push("", "### Single client (one request at a time), p50 ms Cairn / B_render", "", `| page | ${reports.map((r) => r.size).join(" | ")} |`, `|---|${reports.map(() => "---|").join("")}`);
  for (const name of pages) {
    const cells = reports.map((r) => {
      const page = r.pages.find((p) => p.page === name);
      return page ? `${fmt(page.singleClientMs.cairn, 1)} / ${page.singleClientMs.render === null ? "—" : fmt(page.singleClientMs.render, 1)}` : "—";
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push("", "### Datasets", "", "| size | learners | attempts | links | reviews | comments | check-ins | seeded in |", "|---|---|---|---|---|---|---|---|");
  for (const r of reports) {
    lines.push(`| ${r.size} | ${r.learners} | ${r.rows.submissions} | ${r.rows.submission_links} | ${r.rows.reviews} | ${r.rows.comments} | ${r.rows.checkins} | ${r.seedSeconds.toFixed(1)} s |`);
  }
  lines.push("", "### Against the targets", "", ...targetChecks(reports, tick));
  return lines.join("\n");
}

function targetChecks(reports: SizeReport[], tick: TickReport | undefined): string[] {
  const checks: string[] = [];
  const check = (ok: boolean, text: string) => checks.push(`- ${ok ? "✓" : "✗"} ${text}`);
  const pageOf = (size: string, name: PageName) => reports.find((r) => r.size === size)?.pages.find((p) => p.page === name);
  for (const r of reports) {
    for (const page of r.pages) {
      if (!page.throughput.render.length) continue;
      const ratio = ratioSpread(rps(page.throughput.cairn), rps(page.throughput.render)).median;
      const floor = page.page === "matrix" ? 0.25 : 0.35;
      const ceiling = ratioSpread(rps(page.throughput.next), rps(page.throughput.render)).median;
      if (page.page !== "matrix" || r.size === "M") {
        check(ratio >= floor, `${r.size} ${page.page}: Cairn ÷ B_render ${fmt(ratio, 2)} (target ≥ ${floor}; a bare Next.js page of the same data, B_next, reaches ${fmt(ceiling, 2)})`);
      }
      const cpu = (results: MeasurementResult[]) => spread(results.map((x) => x.cpuMsPerRequest ?? Number.NaN)).median;
      const cpuRatio = cpu(page.throughput.cairn) / cpu(page.throughput.render);
      check(cpuRatio <= 3, `${r.size} ${page.page}: CPU per request ${fmt(cpuRatio, 2)} × B_render (target ≤ 3)`);
    }
  }
  const [m, l] = [pageOf("M", "matrix"), pageOf("L", "matrix")];
  if (m && l) {
    const time = l.singleClientMs.cairn / m.singleClientMs.cairn;
    const throughput = spread(rps(m.throughput.cairn)).median / spread(rps(l.throughput.cairn)).median;
    check(time <= 2.75 && throughput <= 2.75, `matrix L ÷ M: single-client p50 ${fmt(time, 2)}, time per request under load ${fmt(throughput, 2)} (target ≤ 2.75)`);
  }
  for (const name of pages) {
    const counts = reports.flatMap((r) => r.pages.filter((p) => p.page === name).map((p) => p.statements.cairn.perRequest));
    if (counts.length > 1) check(counts.every((c) => c === counts[0]), `${name}: ${counts.map((c) => fmt(c, 1)).join(" / ")} statements at ${reports.map((r) => r.size).join(" / ")} (the same at every size)`);
  }
  if (tick) {
    const { open, closed } = tick;
    check(
      (open.p95 ?? Number.POSITIVE_INFINITY) <= 100,
      `ticking, ${tick.learners} learners each once a second: p95 ${fmt(open.p95 ?? Number.NaN)} ms, p50 ${fmt(open.p50 ?? Number.NaN)} ms, ${fmt(open.served, 1)} ticks/s, ` +
        `${fmt(open.cpuMsPerTick, 1)} CPU ms per tick, outcomes ${JSON.stringify(open.outcomes)} (target p95 ≤ 100 ms); ` +
        `beside it, the ticks/s a process sustains (${tick.learners} learners in a closed loop): ${fmt(closed.served, 1)} ticks/s, p50 ${fmt(closed.p50 ?? Number.NaN)} ms, ` +
        `p95 ${fmt(closed.p95 ?? Number.NaN)} ms, ${fmt(closed.cpuMsPerTick, 1)} CPU ms per tick`,
    );
  }
  return checks;
}
