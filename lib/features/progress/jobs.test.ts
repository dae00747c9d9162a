import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { linkCheckJob } from "@/lib/features/progress/jobs";
import { createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createWorld, type World } from "@/prisma/factories/world";
import { selfSignedCertificate, startLocalServer, type Handler, type LocalServer } from "@/test/local-server";

const NIGHT = new Date("2027-03-02T03:17:00Z");
const DAY_MS = 24 * 3600 * 1000;
const nightAfter = (night: Date, nights = 1) => new Date(night.getTime() + nights * DAY_MS);

// Short timeouts and pauses keep the test quick; the rules are the nightly job's own.
const job = linkCheckJob({ timeoutMs: 300, pauseMs: 5, allowPrivate: true });

let versionId: string;
let keys: string[];
let world: World;
let certificate: { key: string; cert: string };
const servers: LocalServer[] = [];

async function serve(handler: Handler, tls?: { key: string; cert: string }) {
  const server = await startLocalServer(handler, tls);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const document = await readDefaultRoadmap();
  keys = document.phases.flatMap((phase) => phase.milestones).filter((milestone) => milestone.reviewRequired).map((m) => m.key);
  certificate = selfSignedCertificate();
});

beforeEach(async () => {
  // Each case checks only its own links and counts only its own notifications.
  await db.submissionLink.deleteMany();
  await db.notification.deleteMany();
  world = await createWorld({ versionId, cohorts: { names: { x: `Cohort ${Math.random()}`, y: `Other ${Math.random()}` } } });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

let nextKey = 0;

/** An approved attempt of learnerX1 with these links; returns the links' ids in order. */
async function approvedLinks(urls: string[], status: "approve" | "pending" | "withdrawn" = "approve") {
  const submission = await createSubmission({
    membershipId: world.memberships.x1.id,
    itemKey: keys[nextKey++ % keys.length]!,
    links: urls.map((url) => ({ url })),
  });
  if (status === "approve") await decideSubmission({ submissionId: submission.id, reviewerId: world.mentorX.id, decision: "approve" });
  if (status === "withdrawn") await db.submission.update({ where: { id: submission.id }, data: { status: "withdrawn" } });
  const links = await db.submissionLink.findMany({ where: { submissionId: submission.id }, orderBy: { position: "asc" } });
  return links.map((link) => link.id);
}

function health(id: string) {
  return db.submissionLink.findUniqueOrThrow({
    where: { id },
    select: { health: true, checkError: true, brokenSince: true, checkedAt: true },
  });
}

function linkNotifications() {
  return db.notification.findMany({
    where: { type: "link_broken" },
    select: { userId: true, title: true, href: true },
    orderBy: [{ userId: "asc" }, { createdAt: "asc" }],
  });
}

const handler: Handler = (request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (path === "/ok") return response.end("fine");
  if (path === "/gone") return response.writeHead(410).end();
  if (path === "/missing") return response.writeHead(404).end();
  if (path === "/loop") return response.writeHead(302, { location: "/loop" }).end();
  if (path === "/down") return response.writeHead(503).end();
  if (path === "/slow") return;
  if (path === "/no-head") return request.method === "HEAD" ? response.writeHead(405).end() : response.end("fine");
  response.writeHead(404).end();
};

describe("links.check", () => {
  it("is scheduled nightly in UTC", () => {
    expect(linkCheckJob()).toMatchObject({ name: "links.check", cron: "17 3 * * *" });
  });

  it("calls 200 and HEAD 405 then GET 200 ok, and 404 and 410 broken at once with a readable reason", async () => {
    const server = await serve(handler);
    const [ok, noHead, missing, gone] = await approvedLinks(["/ok", "/no-head", "/missing", "/gone"].map((path) => server.origin + path));
    const summary = await job.run(NIGHT);
    expect(summary).toEqual({ checked: 4, ok: 2, failed: 2, skipped: 0, broke: 2 });
    expect(await health(ok!)).toEqual({ health: "ok", checkError: null, brokenSince: null, checkedAt: NIGHT });
    expect(await health(noHead!)).toMatchObject({ health: "ok", checkError: null });
    expect(await health(missing!)).toEqual({ health: "broken", checkError: "404 Not Found", brokenSince: NIGHT, checkedAt: NIGHT });
    expect(await health(gone!)).toMatchObject({ health: "broken", checkError: "410 Gone", brokenSince: NIGHT });
    expect(server.seen.filter((request) => request.path === "/no-head").map((request) => request.method)).toEqual(["HEAD", "GET"]);
    // A page is only called gone on a GET's word.
    expect(server.seen.filter((request) => request.path === "/missing").map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("breaks a link that times out, loops, fails TLS or answers 5xx only on the second night in a row", async () => {
    const server = await serve(handler);
    const tls = await serve(handler, certificate);
    const urls = [`${server.origin}/slow`, `${server.origin}/loop`, `${tls.origin}/ok`, `${server.origin}/down`];
    const ids = await approvedLinks(urls);
    await job.run(NIGHT);
    const first = await Promise.all(ids.map(health));
    expect(first.map((row) => row.health)).toEqual(["unchecked", "unchecked", "unchecked", "unchecked"]);
    expect(first.map((row) => row.checkError)).toEqual([
      "timed out after 0.3 s",
      "too many redirects",
      "TLS certificate error",
      "503 Service Unavailable",
    ]);
    expect(await linkNotifications()).toEqual([]);

    const second = nightAfter(NIGHT);
    expect(await job.run(second)).toMatchObject({ checked: 4, broke: 4 });
    const after = await Promise.all(ids.map(health));
    expect(after.map((row) => row.health)).toEqual(["broken", "broken", "broken", "broken"]);
    // Broken since the first night it failed.
    expect(after.map((row) => row.brokenSince)).toEqual([NIGHT, NIGHT, NIGHT, NIGHT]);
  });

  it("forgets one bad night when the link answers the next", async () => {
    let down = true;
    const server = await serve((request, response) => (down ? response.writeHead(502).end() : response.end("back")));
    const [id] = await approvedLinks([`${server.origin}/flaky`]);
    await job.run(NIGHT);
    expect(await health(id!)).toMatchObject({ health: "unchecked", checkError: "502 Bad Gateway", brokenSince: NIGHT });
    down = false;
    await job.run(nightAfter(NIGHT));
    expect(await health(id!)).toMatchObject({ health: "ok", checkError: null, brokenSince: null });
    down = true;
    await job.run(nightAfter(NIGHT, 2));
    expect(await health(id!)).toMatchObject({ health: "ok", brokenSince: nightAfter(NIGHT, 2) });
  });

  it("tells the learner and the cohort's mentors once per break, and again after the link recovered and broke anew", async () => {
    let status = 404;
    const server = await serve((_request, response) => response.writeHead(status).end());
    const [id] = await approvedLinks([`${server.origin}/repo`]);
    const submission = await db.submissionLink.findUniqueOrThrow({
      where: { id: id! },
      select: { submission: { select: { id: true, progress: { select: { itemKey: true } } } } },
    });
    await job.run(NIGHT);
    await job.run(nightAfter(NIGHT));
    await job.run(nightAfter(NIGHT, 2));
    const told = await linkNotifications();
    const recipients = told.map((notification) => notification.userId).sort();
    expect(recipients).toEqual([world.mentorX.id, world.dual.id, world.learnerX1.id].sort());
    const learnerNote = told.find((notification) => notification.userId === world.learnerX1.id)!;
    expect(learnerNote.href).toBe(`/roadmap/${submission.submission.progress.itemKey}?cohort=${world.x.id}`);
    expect(learnerNote.title).toMatch(/stopped working/);
    const mentorNote = told.find((notification) => notification.userId === world.mentorX.id)!;
    expect(mentorNote).toMatchObject({ href: `/reviews/${submission.submission.id}` });
    expect(mentorNote.title).toMatch(/^Learner X1's approved evidence link for ".+" stopped working$/);

    status = 200;
    await job.run(nightAfter(NIGHT, 3));
    expect(await health(id!)).toMatchObject({ health: "ok", brokenSince: null, checkError: null });
    status = 410;
    await job.run(nightAfter(NIGHT, 4));
    expect(await linkNotifications()).toHaveLength(6);
    expect(await health(id!)).toMatchObject({ health: "broken", brokenSince: nightAfter(NIGHT, 4), checkError: "410 Gone" });
  });

  it("checks only approved attempts' links not checked in the last 20 hours, oldest check first, up to the cap", async () => {
    const server = await serve(handler);
    const [pending] = await approvedLinks([`${server.origin}/ok?pending`], "pending");
    const [withdrawn] = await approvedLinks([`${server.origin}/ok?withdrawn`], "withdrawn");
    const ids = await approvedLinks([1, 2, 3].map((index) => `${server.origin}/ok?${index}`));
    await db.submissionLink.update({ where: { id: ids[0]! }, data: { checkedAt: new Date(NIGHT.getTime() - 30 * 3600 * 1000) } });
    await db.submissionLink.update({ where: { id: ids[1]! }, data: { checkedAt: new Date(NIGHT.getTime() - 10 * 3600 * 1000) } });
    const capped = linkCheckJob({ timeoutMs: 300, pauseMs: 5, allowPrivate: true, perRun: 1 });
    expect(await capped.run(NIGHT)).toMatchObject({ checked: 1 });
    // Never checked comes first, then the oldest check; the one checked 10 hours ago waits for tomorrow.
    expect(server.seen.map((request) => request.path)).toEqual(["/ok?3"]);
    expect(await capped.run(NIGHT)).toMatchObject({ checked: 1 });
    expect(await capped.run(NIGHT)).toMatchObject({ checked: 0 });
    expect(server.seen.map((request) => request.path)).toEqual(["/ok?3", "/ok?1"]);
    expect((await health(pending!)).checkedAt).toBeNull();
    expect((await health(withdrawn!)).checkedAt).toBeNull();
  });

  it("asks one host one request at a time, and two instances at once never ask a link twice", async () => {
    const open = new Set<string>();
    const overlaps: string[] = [];
    const server = await serve((request, response) => {
      if (open.size > 0) overlaps.push(`${request.method} ${request.url} while ${[...open].join(", ")}`);
      const name = `${request.method} ${request.url}`;
      open.add(name);
      response.on("close", () => open.delete(name));
      setImmediate(() => response.writeHead(request.url?.startsWith("/no-head") && request.method === "HEAD" ? 405 : 200).end());
    });
    const other = await serve(handler);
    await approvedLinks(Array.from({ length: 6 }, (_, index) => `${server.origin}/${index % 2 === 0 ? "no-head" : "page"}/${index}`));
    await approvedLinks([`${other.origin}/ok`, `${other.origin}/gone`]);
    const runs = await Promise.all([job.run(NIGHT), job.run(NIGHT)]);
    expect(runs.reduce((sum, run) => sum + (run.checked ?? 0), 0)).toBe(8);
    expect(overlaps).toEqual([]);
    const asked = server.seen.filter((request) => request.method === "HEAD").map((request) => request.path).sort();
    expect(asked).toEqual(["/no-head/0", "/no-head/2", "/no-head/4", "/page/1", "/page/3", "/page/5"]);
    // The server's own log: every request ended before the next one to this host started.
    for (let index = 0; index < server.events.length; index += 2) {
      expect(server.events[index]).toMatch(/^start /);
      expect(server.events[index + 1]).toBe(server.events[index]!.replace(/^start /, "end "));
    }
  });

  it("leaves links at private addresses unchecked unless LINK_CHECK_ALLOW_PRIVATE allows them", async () => {
    const server = await serve(handler);
    const [id] = await approvedLinks([`${server.origin}/ok`]);
    const strict = linkCheckJob({ timeoutMs: 300, pauseMs: 5, allowPrivate: false });
    expect(await strict.run(NIGHT)).toMatchObject({ checked: 1, skipped: 1, broke: 0 });
    expect(await health(id!)).toMatchObject({ health: "unchecked", checkError: "not checked: the address is on a private network" });
    expect(server.seen).toEqual([]);
  });
});
