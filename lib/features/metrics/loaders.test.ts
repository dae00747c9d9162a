import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { runAction } from "@/lib/action-result";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { AppError } from "@/lib/errors";
import { loadMetricsScrape } from "@/lib/features/metrics/loaders";
import { createCairnServer } from "@/lib/http/server";
import { DEAD_LETTER_QUEUE, startJobs, stopJobs } from "@/lib/jobs/boss";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createWaitingAttempts } from "@/prisma/factories/reviews";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { callApi } from "@/test/api";

const METRICS_TOKEN = "a-metrics-token-of-32-characters";
const silent = { debug: () => undefined, info: () => undefined, error: () => undefined };

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The Prometheus text format, as a scraper reads it: one sample per line that is not a comment. */
function parse(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
}

/** `metricsToken` null: METRICS_TOKEN unset. */
async function scrape(authorization: string | null, metricsToken: string | null = METRICS_TOKEN) {
  return loadMetricsScrape({ authorization, address: "203.0.113.9", metricsToken: metricsToken ?? undefined });
}

async function scrapedSamples(): Promise<Sample[]> {
  const answer = await scrape(`Bearer ${METRICS_TOKEN}`);
  if (answer.status !== 200) throw new Error(`scrape refused: ${answer.status}`);
  return parse(answer.text);
}

let cohortId: string;
let adminToken: string;
let adminReadOnlyToken: string;
let learnerToken: string;

beforeAll(async () => {
  // The job queue's schema, as a running Cairn has it, with one run in the dead-letter queue.
  const boss = await startJobs({ connectionString: process.env.DATABASE_URL!, definitions: [], work: false });
  await boss.send(DEAD_LETTER_QUEUE, {});

  const { versionId } = await importDefaultRoadmap();
  const cohort = await createCohort({ versionId, name: "Metrics cohort" });
  cohortId = cohort.id;
  await createWaitingAttempts({ cohortId, count: 3, itemKey: "python-basics", oldestHoursAgo: 100 });
  const admin = await createUser({ isAdmin: true });
  const learner = await createUser();
  await addMember(cohortId, learner.id, "learner");
  adminToken = (await createApiToken(admin.id, { scopes: ["read", "admin"] })).token;
  adminReadOnlyToken = (await createApiToken(admin.id, { scopes: ["read"] })).token;
  learnerToken = (await createApiToken(learner.id, { scopes: ["read", "submit"] })).token;

  const mail = { toAddress: "someone@example.test", kind: "test", subject: "Hello", textBody: "Hi", htmlBody: "<p>Hi</p>" };
  await db.mail.createMany({ data: [{ ...mail, status: "failed", attempts: 5 }, { ...mail, status: "sent" }, { ...mail, status: "sent" }] });
  const webhook = await db.webhook.create({ data: { url: "https://hooks.example.test/cairn", secret: "whsec_c2VjcmV0", events: ["submission.created"] } });
  const delivery = { webhookId: webhook.id, event: "submission.created", payload: {} };
  await db.webhookDelivery.createMany({ data: [{ ...delivery, status: "failed" }, { ...delivery, status: "pending" }] });
}, 60_000);

afterAll(async () => {
  await stopJobs();
});

describe("GET /api/metrics: who may read it (docs/security.md #51)", () => {
  it("refuses a request without a token, or with a wrong one, with 401 and a challenge", async () => {
    for (const authorization of [null, "Basic YWRtaW46YWRtaW4=", `Bearer ${METRICS_TOKEN}x`, "Bearer a-metrics-token-of-32-characterz"]) {
      const answer = await scrape(authorization);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.status === 401 && answer.challenge).toMatch(/^Bearer realm="Cairn metrics"/);
    }
  });

  it("answers the metrics token, and an admin's API token with the admin scope", async () => {
    expect((await scrape(`Bearer ${METRICS_TOKEN}`)).status).toBe(200);
    expect((await scrape(`Bearer ${adminToken}`)).status).toBe(200);
    expect((await scrape(`Bearer ${adminToken}`, null)).status).toBe(200);
  });

  it("refuses a learner's API token, and with no METRICS_TOKEN set refuses everything but an admin's token", async () => {
    expect((await scrape(`Bearer ${learnerToken}`)).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}`, null)).status).toBe(401);
    expect((await scrape(`Bearer ${adminReadOnlyToken}`)).status).toBe(403);
  });

  it("answers through the route handler in the Prometheus text format, and 401 without a token", async () => {
    const refused = await callApi(GET, { path: "/api/metrics" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="Cairn metrics"');
    expect((await callApi(GET, { path: "/api/metrics", token: learnerToken })).status).toBe(401);
    const answer = await callApi(GET, { path: "/api/metrics", token: adminToken });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(parse(answer.text).length).toBeGreaterThan(10);
  });
});

describe("GET /api/metrics: what it says", () => {
  it("reports each cohort's review queue, the mails, the deliveries and the dead-lettered jobs", async () => {
    const samples = await scrapedSamples();
    expect(valueOf(samples, "cairn_review_queue_waiting", { cohort_id: cohortId })).toBe(3);
    expect(valueOf(samples, "cairn_review_queue_overdue", { cohort_id: cohortId })).toBe(3);
    expect(valueOf(samples, "cairn_review_queue_oldest_waiting_seconds", { cohort_id: cohortId })).toBeGreaterThanOrEqual(100 * 3600);
    expect(valueOf(samples, "cairn_mails", { status: "failed" })).toBe(1);
    expect(valueOf(samples, "cairn_mails", { status: "sent" })).toBe(2);
    expect(valueOf(samples, "cairn_mails", { status: "pending" })).toBe(0);
    expect(valueOf(samples, "cairn_webhook_deliveries", { status: "failed" })).toBe(1);
    expect(valueOf(samples, "cairn_webhook_deliveries", { status: "pending" })).toBe(1);
    expect(valueOf(samples, "cairn_jobs_dead_lettered")).toBe(1);
  });

  it("keeps people out of the labels: ids, statuses and queue names only", async () => {
    const answer = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(answer.status === 200 && answer.text).not.toMatch(/Metrics cohort|example\.test|Queued Learner|hooks\.example/);
  });

  it("reports the database pool and Node's process metrics under the cairn_ prefix", async () => {
    const samples = await scrapedSamples();
    expect(valueOf(samples, "cairn_db_pool_connections")).toBeGreaterThan(0);
    expect(valueOf(samples, "cairn_db_pool_waiting_requests")).toBe(0);
    expect(valueOf(samples, "cairn_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(valueOf(samples, "cairn_nodejs_eventloop_lag_seconds")).toBeDefined();
  });

  it("reads the database in four statements, however many cohorts and rows there are", async () => {
    const { count } = await countQueries(() => scrape(`Bearer ${METRICS_TOKEN}`));
    expect(count).toBe(4);
    const { versionId } = await importDefaultRoadmap();
    for (let index = 0; index < 3; index += 1) {
      const cohort = await createCohort({ versionId, name: `More ${index}` });
      await createWaitingAttempts({ cohortId: cohort.id, count: 2, itemKey: "python-basics" });
    }
    const again = await countQueries(() => scrape(`Bearer ${METRICS_TOKEN}`));
    expect(again.count).toBe(4);
  });

  it("counts server actions that failed unexpectedly, which answer in an HTTP 200, and not the refusals people can act on", async () => {
    const before = valueOf(await scrapedSamples(), "cairn_server_action_failures_total") ?? 0;
    expect(await runAction(async () => Promise.reject(new Error("the disk is full")))).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(await runAction(async () => Promise.reject(new AppError("NOT_FOUND", "This cohort does not exist.")))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(valueOf(await scrapedSamples(), "cairn_server_action_failures_total")).toBe(before + 1);
  });

  it("counts requests answered by Cairn's HTTP server, by method, route and status class", async () => {
    const { server, drain } = createCairnServer({
      handler: (request, response) => {
        response.statusCode = request.url?.startsWith("/cohorts") ? 200 : 404;
        response.end("ok");
      },
      trust: { trustProxy: false, hops: 1 },
      log: silent,
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path, agent: false }, (response) => response.resume().on("end", resolve)).on("error", reject);
      });
    const route = { method: "GET", route: "/cohorts/:id", status: "2xx" };
    const before = valueOf(await scrapedSamples(), "cairn_http_requests_total", route) ?? 0;
    await get(`/cohorts/${cohortId}`);
    await get(`/cohorts/${cohortId}?tab=members`);
    await get("/wp-login.php");
    await drain(1_000);
    const samples = await scrapedSamples();
    expect(valueOf(samples, "cairn_http_requests_total", route)).toBe(before + 2);
    expect(valueOf(samples, "cairn_http_requests_total", { method: "GET", route: "other", status: "4xx" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, "cairn_http_request_duration_seconds_count", route)).toBe(before + 2);
    expect(samples.some((sample) => sample.labels.route?.includes(cohortId))).toBe(false);
  });
});
