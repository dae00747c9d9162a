// `npm run load -- [--rate 50 | --rate 10,50] [--duration 120] [--quick] [--run mixed,contention] [--url <Cairn>] [--record]`
// Measures Cairn under load (docs/reliability.md). Without --url it starts its own: a throwaway embedded PostgreSQL
// with the demo data, a production build (rebuilt when stale), a server on a free port. With --url it measures a
// running Cairn whose database DATABASE_URL names (it adds a cohort of its own there: use a staging copy).
// The requests come from a separate process pinned to one core. Prints Markdown, writes bench/results/*.json.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startOwnCairn } from "@/scripts/lib/cairn-server";
import { commit, machine, runPinnedScript } from "@/scripts/lib/measuring-run";
import { actionHeaders, findActionIds, signIn } from "@/scripts/lib/load/cairn-http";
import { categoriesTable, checksList, medianOf, runsTable, summarizeRun, type RunSummary } from "@/scripts/lib/load/report";
import type { Check, PlannedRequest, RunConfig, RunResult } from "@/scripts/lib/load/types";

const USAGE =
  "Usage: npm run load -- [--rate 50|10,50] [--duration <s>] [--rounds <n>] [--quick] [--run mixed,contention] [--url <Cairn> with DATABASE_URL] [--record]";
const { values } = parseArgs({
  options: {
    url: { type: "string" },
    rate: { type: "string", default: "50" },
    duration: { type: "string" },
    quick: { type: "boolean", default: false },
    run: { type: "string", default: "mixed,contention" },
    rounds: { type: "string", default: "1" },
    timeout: { type: "string", default: "10" },
    record: { type: "boolean", default: false },
  },
});
const rates = values.rate.split(",").map(Number);
const runs = new Set(values.run.split(","));
const mixedSeconds = Number(values.duration ?? (values.quick ? 20 : 120));
const contentionSeconds = Math.min(mixedSeconds, values.quick ? 10 : 30);
const timeoutSeconds = Number(values.timeout);
const rounds = Number(values.rounds);
if (
  rates.some((rate) => !Number.isInteger(rate) || rate < 1) ||
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  ![mixedSeconds, timeoutSeconds].every((n) => Number.isFinite(n) && n > 0) ||
  [...runs].some((run) => run !== "mixed" && run !== "contention")
) {
  console.error(USAGE);
  process.exit(2);
}
if (values.url && !process.env.DATABASE_URL) {
  console.error("With --url, set DATABASE_URL to that Cairn's database: the run prepares its people there and checks the writes.");
  process.exit(2);
}

/** Share of the mixed traffic per kind of request (per 100). */
const MIX: [string, number][] = [
  ["roadmap page", 25],
  ["milestone page", 25],
  ["tick milestone", 15],
  ["review queue", 10],
  ["review screen", 10],
  ["cohort matrix", 10],
  ["sign-in page", 5],
];
const MIXED_SCHEDULE_LENGTH = 2_000;
const CONTENTION = { mentors: 12, connections: 16, attemptsAtOnce: 3 };
/** How much the machine has to give right now: Next's cheapest route, as fast as it answers (ENVIRONMENT: ≈ 700 req/s idle). */
const REFERENCE = { path: "/api/health", connections: 8, seconds: 5 };

const RESULTS_DIR = "bench/results";
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

function say(line: string) {
  process.stderr.write(`${line}\n`);
}

/** The category of each position: smooth weighted round robin, so every stretch of traffic has the same mix. */
function interleave(weights: [string, number][], length: number): string[] {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const current = weights.map(() => 0);
  const order: string[] = [];
  for (let index = 0; index < length; index += 1) {
    weights.forEach(([, weight], i) => (current[i]! += weight));
    const best = current.indexOf(Math.max(...current));
    current[best]! -= total;
    order.push(weights[best]![0]);
  }
  return order;
}

function cycle<T>(items: T[]) {
  let index = 0;
  return () => items[index++ % items.length]!;
}

async function mixedPlan(baseUrl: string) {
  const { prepareMixed } = await import("@/scripts/lib/load/fixtures");
  const world = await prepareMixed();
  say(`Signing in ${world.learnerEmails.length} learners and the mentor…`);
  const cookies = new Map<string, string>();
  for (const email of [...world.learnerEmails, world.mentorEmail]) cookies.set(email, await signIn(baseUrl, email, world.password));
  const learner = cookies.get(world.learnerEmails[0]!)!;
  const { tickMilestoneAction } = await findActionIds(baseUrl, "/roadmap", learner, ["tickMilestoneAction"]);
  const mentor = cookies.get(world.mentorEmail)!;
  const nextLearner = { roadmap: cycle(world.learnerEmails), milestone: cycle(world.learnerEmails) };
  const nextKey = cycle(world.milestoneKeys);
  const nextPair = cycle(world.tickPairs);
  const nextSubmission = cycle(world.pendingSubmissionIds);
  const page = (category: string, pathname: string, cookie?: string): PlannedRequest => ({
    category,
    method: "GET",
    path: pathname,
    headers: cookie ? { Cookie: cookie } : {},
  });
  const schedule = interleave(MIX, MIXED_SCHEDULE_LENGTH).map((category): PlannedRequest => {
    switch (category) {
      case "roadmap page":
        return page(category, "/roadmap", cookies.get(nextLearner.roadmap()));
      case "milestone page":
        return page(category, `/roadmap/${nextKey()}`, cookies.get(nextLearner.milestone()));
      case "tick milestone": {
        const pair = nextPair();
        return {
          category,
          method: "POST",
          // The roadmap's checkboxes send it from the roadmap page.
          path: "/roadmap",
          headers: actionHeaders(baseUrl, tickMilestoneAction!, cookies.get(pair.email)!),
          tick: { pair: pair.id, cohortId: pair.cohortId, itemKey: pair.itemKey, first: pair.first },
        };
      }
      case "review queue":
        return page(category, "/reviews", mentor);
      case "review screen":
        return page(category, `/reviews/${nextSubmission()}`, mentor);
      case "cohort matrix":
        return page(category, `/cohorts/${world.cohortId}`, mentor);
      default:
        return page(category, "/login");
    }
  });
  return { world, schedule };
}

async function contentionPlan(baseUrl: string, connections: number) {
  const { prepareContention } = await import("@/scripts/lib/load/fixtures");
  const perWave = connections * 2;
  const waves = Math.max(10, Math.ceil((contentionSeconds * 60) / perWave));
  const world = await prepareContention({ mentors: CONTENTION.mentors, submissions: waves * CONTENTION.attemptsAtOnce });
  say(`Signing in ${world.mentors.length} mentors of "${world.cohortId}"…`);
  const cookies = [];
  for (const mentor of world.mentors) cookies.push(await signIn(baseUrl, mentor.email, world.password));
  const ids = await findActionIds(baseUrl, `/reviews/${world.submissionIds[0]}`, cookies[0]!, ["claimReviewAction", "decideReviewAction"]);
  const schedule: PlannedRequest[] = [];
  // Each wave puts every connection on the same few attempts: mentors claim and decide the first one, and race each
  // other to decide the others outright.
  for (let index = 0; index < waves * perWave; index += 1) {
    const wave = Math.floor(index / perWave);
    const attempt = index % CONTENTION.attemptsAtOnce;
    const submissionId = world.submissionIds[wave * CONTENTION.attemptsAtOnce + attempt]!;
    const mentor = index % world.mentors.length;
    const decide = attempt > 0 || Math.floor(index / CONTENTION.attemptsAtOnce) % 2 === 1;
    const decision = index % 5 === 0 ? "request_changes" : "approve";
    const input = decide
      ? { submissionId, decision, comment: decision === "request_changes" ? "Please add a test for the failure path." : "" }
      : { submissionId };
    schedule.push({
      category: decide ? "decide" : "claim",
      method: "POST",
      path: `/reviews/${submissionId}`,
      headers: actionHeaders(baseUrl, decide ? ids.decideReviewAction! : ids.claimReviewAction!, cookies[mentor]!),
      body: JSON.stringify([input]),
      review: decide
        ? { action: "decide", submissionId, mentorId: world.mentors[mentor]!.id, decision }
        : { action: "claim", submissionId, mentorId: world.mentors[mentor]!.id },
    });
  }
  return { world, schedule };
}

/** Sends each distinct page once, so first-request costs (module loading, caches) stay out of the figures. */
async function warmUp(baseUrl: string, schedule: PlannedRequest[]) {
  const seen = new Set<string>();
  for (const planned of schedule) {
    const key = `${planned.category} ${planned.method === "GET" ? planned.path : ""}`;
    if (seen.has(key) || planned.tick || planned.review) continue;
    seen.add(key);
    await fetch(`${baseUrl}${planned.path}`, { headers: planned.headers, redirect: "manual" }).then((response) => response.arrayBuffer());
  }
}

function runGenerator(config: RunConfig): Promise<RunResult> {
  return runPinnedScript<RunResult>("scripts/lib/load/generator.ts", config);
}

/**
 * Requests still in flight when the generator stopped keep running on the server and may commit after it exits;
 * the rows are read once two reads a second apart agree, so those writes land in this run's check, not the next.
 */
async function settled<T>(read: () => Promise<Map<string, T>>): Promise<Map<string, T>> {
  let previous = JSON.stringify([...(await read())]);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const current = await read();
    const serialized = JSON.stringify([...current]);
    if (serialized === previous) return current;
    previous = serialized;
  }
  throw new Error("The database kept changing for 30 s after the run stopped; is something else writing to it?");
}

/** What the server logged at error level during the run, grouped by message. */
function serverErrors(logFile: string): Record<string, number> {
  if (!existsSync(logFile)) return {};
  const counts: Record<string, number> = {};
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) continue;
      const message = `${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`.slice(0, 200);
      counts[message] = (counts[message] ?? 0) + 1;
    } catch {
      // Not one of pino's lines (Next's own output).
    }
  }
  return counts;
}

/** Adds this run's rows under the "Measured runs" table of docs/reliability.md, newest first. */
async function record(summaries: RunSummary[], meta: { date: string; commit: string; load: string }) {
  const file = "docs/reliability.md";
  const text = await readFile(file, "utf8");
  const marker = text.indexOf("<!-- load-runs -->");
  const separator = marker < 0 ? -1 : text.indexOf("\n|---", marker);
  if (separator < 0) throw new Error(`${file} has no "<!-- load-runs -->" table to add rows to.`);
  const insertAt = text.indexOf("\n", separator + 1) + 1;
  const rows = summaries
    .map(
      (run) =>
        `| ${meta.date} | ${meta.commit} | ${run.name} | ${run.offered ?? "max"} | ${run.served.toFixed(1)} | ${Math.round(run.latency.p50)} | ` +
        `${Math.round(run.latency.p95)} | ${Math.round(run.latency.p99)} | ${(run.errorRate * 100).toFixed(1)} % | ${meta.load} |\n`,
    )
    .join("");
  await writeFile(file, text.slice(0, insertAt) + rows + text.slice(insertAt));
}

const started = new Date();
const loadAverage = os.loadavg()[0]!.toFixed(2);
let server: Awaited<ReturnType<typeof startOwnCairn>> | undefined;
let exitCode = 0;
await mkdir(RESULTS_DIR, { recursive: true });
const serverLog = path.join(RESULTS_DIR, `load-${stamp}-server.log`);
try {
  let baseUrl = values.url?.replace(/\/$/, "");
  if (!baseUrl) {
    server = await startOwnCairn({ databaseName: "cairn_load", logFile: serverLog });
    baseUrl = server.url;
  }
  const { checkContention, checkTicks, reviewCount, tickStates } = await import("@/scripts/lib/load/fixtures");
  const summaries: RunSummary[] = [];
  const checks: Check[] = [];
  const details: string[] = [];

  if (runs.has("mixed")) {
    const { world, schedule } = await mixedPlan(baseUrl);
    await warmUp(baseUrl, schedule);
    const byRate = new Map<number, RunSummary[]>(rates.map((rate) => [rate, []]));
    for (let round = 1; round <= rounds; round += 1) {
      const suffix = rounds > 1 ? ` (round ${round})` : "";
      say(`Reference: ${REFERENCE.path} as fast as it answers for ${REFERENCE.seconds} s${suffix}…`);
      const reference = await runGenerator({
        name: `reference ${REFERENCE.path}${suffix}`,
        url: baseUrl,
        connections: REFERENCE.connections,
        durationSeconds: REFERENCE.seconds,
        timeoutSeconds,
        schedule: [{ category: "health", method: "GET", path: REFERENCE.path, headers: {} }],
      });
      summaries.push(summarizeRun(reference));
      for (const rate of rates) {
        say(`Mixed traffic at ${rate} requests/s for ${mixedSeconds} s${suffix}…`);
        const before = await tickStates(world.tickPairs);
        // Ticks continue from where the previous run left each milestone.
        const current = schedule.map((planned) =>
          planned.tick ? { ...planned, tick: { ...planned.tick, first: before.get(planned.tick.pair)?.next ?? planned.tick.first } } : planned,
        );
        const result = await runGenerator({
          name: `mixed @ ${rate}/s${suffix}`,
          url: baseUrl,
          connections: rate,
          durationSeconds: mixedSeconds,
          rate,
          // Each connection is one person clicking about once a second at a moment of their own, not all at once.
          spread: true,
          timeoutSeconds,
          schedule: current,
        });
        const after = await settled(() => tickStates(world.tickPairs));
        const versions = (states: typeof before) => new Map([...states].map(([id, state]) => [id, state.lockVersion]));
        const tick = result.categories["tick milestone"];
        const check = checkTicks(world.tickPairs, versions(before), versions(after), result.ticks, tick ? tick.sent - tick.answered : 0);
        const summary = summarizeRun(result);
        summaries.push(summary);
        byRate.get(rate)!.push(summary);
        checks.push({ ...check, name: `${summary.name}: ${check.name}` });
        details.push(`### ${summary.name}\n\n${categoriesTable(summary)}`);
        if (result.failures.length > 0) details.push(`First server failures:\n${result.failures.map((f) => `- ${f.category} (${f.status}): ${f.detail}`).join("\n")}`);
      }
    }
    if (rounds > 1) for (const [rate, runsAtRate] of byRate) summaries.push(medianOf(runsAtRate, `mixed @ ${rate}/s (median of ${rounds})`));
  }

  if (runs.has("contention")) {
    const { world, schedule } = await contentionPlan(baseUrl, CONTENTION.connections);
    say(`Contention: ${CONTENTION.mentors} mentors on ${CONTENTION.attemptsAtOnce} attempts at a time, ${contentionSeconds} s…`);
    const result = await runGenerator({
      name: "contention",
      url: baseUrl,
      connections: CONTENTION.connections,
      durationSeconds: contentionSeconds,
      timeoutSeconds,
      schedule,
    });
    const summary = summarizeRun(result);
    summaries.push(summary);
    const unanswered = Object.values(result.categories).reduce((sum, category) => sum + category.sent - category.answered, 0);
    await settled(async () => new Map([["reviews", await reviewCount(world.submissionIds)]]));
    const serverFailures = Object.entries(summary.errors).filter(([kind]) => kind.startsWith("5") || kind.startsWith("action"));
    checks.push({
      name: "contention: no 5xx and no action failed on the server's side",
      ok: serverFailures.length === 0,
      detail: serverFailures.length === 0 ? `${summary.answered} answers` : serverFailures.map(([kind, count]) => `${count} × ${kind}`).join(", "),
    });
    checks.push(...(await checkContention(world, result.decisions, unanswered)).map((check) => ({ ...check, name: `contention: ${check.name}` })));
    details.push(`### contention\n\n${categoriesTable(summary)}`);
    if (result.failures.length > 0) details.push(`First server failures:\n${result.failures.map((f) => `- ${f.category} (${f.status}): ${f.detail}`).join("\n")}`);
  }

  const meta = { date: started.toISOString().slice(0, 10), commit: commit(), machine: machine(), load: loadAverage };
  const logged = server ? serverErrors(serverLog) : {};
  const markdown = [
    `## Load run ${started.toISOString()} (commit ${meta.commit})`,
    `${meta.machine}; 1-minute load average before the run: ${meta.load}. Target: ${values.url ? baseUrl : "own production server"}.`,
    runsTable(summaries),
    ...details,
    `### Checks\n\n${checksList(checks)}`,
    Object.keys(logged).length > 0
      ? `### Errors the server logged\n\n${Object.entries(logged).map(([message, count]) => `- ${count} × ${message}`).join("\n")}`
      : "",
  ].filter(Boolean);
  process.stdout.write(`\n${markdown.join("\n\n")}\n`);
  const resultFile = path.join(RESULTS_DIR, `load-${stamp}.json`);
  await writeFile(
    resultFile,
    JSON.stringify({ ...meta, startedAt: started.toISOString(), target: values.url ?? "own", mixedSeconds, contentionSeconds, runs: summaries, checks, serverErrors: logged }, null, 2),
  );
  say(`\nWrote ${resultFile}${server ? ` (server log: ${serverLog})` : ""}.`);
  if (values.record) {
    await record(summaries, meta);
    say("Added the figures to docs/reliability.md.");
  }
  if (checks.some((check) => !check.ok)) exitCode = 1;
} catch (error) {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
} finally {
  if (process.env.DATABASE_URL) {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  }
  await server?.stop();
}
process.exit(exitCode);
