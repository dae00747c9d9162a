// `npm run lighthouse -- [--runs 3] [--pages sign-in,roadmap,milestone,queue,matrix] [--url <Cairn>]`
// Lighthouse (mobile defaults: simulated slow 4G and a 4× slower CPU) on Cairn's main pages, several runs each,
// reporting the median against the targets in docs/performance.md. Without --url it starts its own: a throwaway
// embedded PostgreSQL with the demo data, a production build (rebuilt when stale), a server on a free port, and signs
// the demo learner and mentor in. With --url it measures a running Cairn; signed-in pages then need the Cookie
// header of a session per role in CAIRN_LEARNER_COOKIE and CAIRN_MENTOR_COOKIE. Prints Markdown, writes
// bench/results/lighthouse-<UTC stamp>.json and .md.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { startOwnCairn } from "@/scripts/lib/cairn-server";
import { CHROMIUM_FLAGS } from "@/scripts/lib/chromium";
import { signIn } from "@/scripts/lib/load/cairn-http";
import { costsList, costsOf, figuresOf, markdownTable, misses, pageReport, type Measured } from "@/scripts/lib/lighthouse/report";

type Role = "visitor" | "learner" | "mentor";
type PageSpec = { key: string; name: string; role: Role; path: (found: Found) => string };
type Found = { milestoneKey: string; cohortId: string };

const PAGES: PageSpec[] = [
  { key: "sign-in", name: "sign-in", role: "visitor", path: () => "/login" },
  { key: "roadmap", name: "learner roadmap", role: "learner", path: () => "/roadmap" },
  { key: "milestone", name: "milestone", role: "learner", path: (found) => `/roadmap/${found.milestoneKey}` },
  { key: "queue", name: "review queue", role: "mentor", path: () => "/reviews" },
  { key: "matrix", name: "cohort matrix", role: "mentor", path: (found) => `/cohorts/${found.cohortId}` },
];
const COOKIE_ENV = { learner: "CAIRN_LEARNER_COOKIE", mentor: "CAIRN_MENTOR_COOKIE" } as const;
const CHROME_START_TIMEOUT_MS = 30_000;
const RESULTS_DIR = "bench/results";

const USAGE = `Usage: npm run lighthouse -- [--runs <n>] [--pages ${PAGES.map((page) => page.key).join(",")}] [--url <Cairn>]`;
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string", default: PAGES.map((page) => page.key).join(",") },
    url: { type: "string" },
  },
});
const runs = Number(values.runs);
const wanted = values.pages.split(",").map((key) => key.trim());
const pages = PAGES.filter((page) => wanted.includes(page.key));
if (!Number.isInteger(runs) || runs < 1 || pages.length !== wanted.length) {
  console.error(USAGE);
  process.exit(2);
}
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath}: install Debian's (apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(2);
}

function say(line: string) {
  process.stderr.write(`${line}\n`);
}

/** A fresh headless Chromium with its own profile; resolves with its DevTools port once it listens. */
async function startChrome(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "cairn-lighthouse-chrome-"));
  // Its own process group: Debian's launcher is a shell script, and stopping must reach the browser behind it.
  const child: ChildProcess = spawn(chromePath, ["--headless=new", ...CHROMIUM_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // Already gone.
      }
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  }
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within ${CHROME_START_TIMEOUT_MS / 1000} s:\n${output}`)), CHROME_START_TIMEOUT_MS);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code} while starting:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { port, stop };
}

/** The signed-in pages' addresses that depend on the data: the learner's first milestone and the mentor's first cohort. */
async function findPaths(baseUrl: string, cookies: Partial<Record<Role, string>>): Promise<Found> {
  async function firstMatch(pathname: string, role: Role, pattern: RegExp): Promise<string> {
    if (!pages.some((page) => page.role === role)) return "";
    const response = await fetch(`${baseUrl}${pathname}`, { headers: { cookie: cookies[role] ?? "" }, redirect: "manual" });
    if (!response.ok) throw new Error(`GET ${pathname} as the ${role} answered ${response.status}; is the session cookie valid?`);
    const match = pattern.exec(await response.text());
    if (!match) throw new Error(`${pathname} links to nothing like ${pattern}; the demo data or the page changed.`);
    return match[1]!;
  }
  return {
    milestoneKey: await firstMatch("/roadmap", "learner", /href="\/roadmap\/([^"/?#]+)"/),
    cohortId: await firstMatch("/cohorts", "mentor", /href="\/cohorts\/([0-9a-f-]{36})"/),
  };
}

async function measure(url: string, cookie: string | undefined): Promise<Measured> {
  const chrome = await startChrome();
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      hostname: "127.0.0.1",
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}: a redirect (expired session?) would measure the wrong page.`);
    }
    return { figures: figuresOf(lhr), costs: costsOf(lhr), warnings: lhr.runWarnings.map(String) };
  } finally {
    await chrome.stop();
  }
}

/** One more try for a run that failed while Cairn still answers (a page load the browser gave up on); none when it is down. */
async function measureOrRetry(baseUrl: string, url: string, cookie: string | undefined): Promise<Measured> {
  try {
    return await measure(url, cookie);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const answers = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (!answers) throw new Error(`${message}\nCairn at ${baseUrl} does not answer /api/health any more.`);
    say(`  ${message}\n  Cairn still answers; trying that run once more.`);
    return measure(url, cookie);
  }
}

/**
 * Lighthouse 12.2's trace-element gatherers fail on current Chromium ("frame_sequence"), which leaves its LCP element
 * audit empty; Chromium's own largest-contentful-paint entry on a screen of Lighthouse's phone size names it instead.
 */
async function findLcpElements(targets: { key: string; url: string; cookie?: string }[]): Promise<Map<string, string | null>> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
  const found = new Map<string, string | null>();
  try {
    for (const target of targets) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
        extraHTTPHeaders: target.cookie ? { Cookie: target.cookie } : {},
      });
      const page = await context.newPage();
      await page.goto(target.url, { waitUntil: "load" });
      const element = await page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            new PerformanceObserver((list) => {
              const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
              const element = last?.element;
              if (!element) return resolve(null);
              const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
              resolve(`<${element.tagName.toLowerCase()}${element.id ? ` id="${element.id}"` : ""}> "${text}"`);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(null), 5_000);
          }),
      );
      found.set(target.key, element);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}

function revision(): string {
  try {
    return execFileSync("git", ["describe", "--always", "--dirty=+changes"]).toString().trim();
  } catch {
    return "unknown";
  }
}

const started = new Date();
const stamp = started.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
let own: Awaited<ReturnType<typeof startOwnCairn>> | undefined;
let exitCode = 0;
await mkdir(RESULTS_DIR, { recursive: true });
try {
  let baseUrl = values.url?.replace(/\/$/, "");
  const cookies: Partial<Record<Role, string>> = {};
  if (baseUrl) {
    for (const role of ["learner", "mentor"] as const) {
      cookies[role] = process.env[COOKIE_ENV[role]];
      if (pages.some((page) => page.role === role) && !cookies[role]) {
        throw new Error(`With --url, set ${COOKIE_ENV[role]} to the Cookie header of a ${role}'s session (or leave out the ${role}'s pages with --pages).`);
      }
    }
  } else {
    own = await startOwnCairn({ databaseName: "cairn_lighthouse", logFile: path.join(RESULTS_DIR, `lighthouse-${stamp}-server.log`) });
    baseUrl = own.url;
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("@/prisma/seed/demo");
    for (const account of DEMO_ACCOUNTS) {
      if (account.role === "learner" || account.role === "mentor") cookies[account.role] = await signIn(baseUrl, account.email, DEMO_PASSWORD);
    }
  }
  const found = await findPaths(baseUrl, cookies);
  const targets = pages.map((page) => ({ ...page, url: `${baseUrl}${page.path(found)}`, cookie: cookies[page.role] }));
  // First requests load modules and fill caches; that belongs to a server's start, not to the pages.
  for (const target of targets) await fetch(target.url, { headers: { cookie: target.cookie ?? "" } }).then((response) => response.arrayBuffer());

  const lcpElements = await findLcpElements(targets);
  const measured = new Map(targets.map((target) => [target.key, [] as Measured[]]));
  // Rounds interleave the pages, so a slow minute on a shared machine spreads over all of them.
  for (let round = 1; round <= runs; round += 1) {
    for (const target of targets) {
      say(`Run ${round} of ${runs}: ${target.name} (${new URL(target.url).pathname})…`);
      measured.get(target.key)!.push(await measureOrRetry(baseUrl, target.url, target.cookie));
    }
  }
  const reports = targets.map((target) =>
    pageReport({ name: target.name, path: new URL(target.url).pathname, lcpElement: lcpElements.get(target.key) ?? null }, measured.get(target.key)!),
  );
  const missed = misses(reports);
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const markdown = [
    `## Lighthouse ${started.toISOString()} (${revision()})`,
    `Median of ${runs} run${runs === 1 ? "" : "s"} per page, Lighthouse mobile defaults, ${os.cpus().length} cores, Node ${process.version}, ` +
      `target: ${values.url ? baseUrl : "own production server with the demo data"}; took ${seconds} s.`,
    markdownTable(reports),
    `### What costs the most (the median run of each page)\n\n${costsList(reports)}`,
    `### Targets\n\n${missed.length === 0 ? "Every page meets its targets." : missed.map((miss) => `- ${miss}`).join("\n")}`,
  ].join("\n\n");
  process.stdout.write(`\n${markdown}\n`);
  const base = path.join(RESULTS_DIR, `lighthouse-${stamp}`);
  await writeFile(`${base}.md`, `${markdown}\n`);
  await writeFile(
    `${base}.json`,
    JSON.stringify({ startedAt: started.toISOString(), revision: revision(), seconds, runsPerPage: runs, target: values.url ?? "own", pages: reports, misses: missed }, null, 2),
  );
  say(`\nWrote ${base}.json and ${base}.md.`);
} catch (error) {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
} finally {
  if (own) {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  }
  await own?.stop();
}
process.exit(exitCode);
