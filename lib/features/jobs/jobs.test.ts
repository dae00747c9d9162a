// Admin → Jobs through its loader and real server actions, against a real PostgreSQL and a real pg-boss schema:
// what the page lists (last runs, failed runs, failed mails, failed deliveries), that only an admin sees it or
// acts on it, and that "Retry" puts a failed mail back in the outbox with an audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { retryMailAction, runJobNowAction } from "@/lib/features/jobs/actions";
import { getJobsPage } from "@/lib/features/jobs/data";
import { loadJobsPage } from "@/lib/features/jobs/loaders";
import { runJobNow } from "@/lib/features/jobs/mutations";
import { describeCron, errorText, summaryText } from "@/lib/features/jobs/utils";
import { startJobs, stopJobs } from "@/lib/jobs/boss";
import type { JobDefinition } from "@/lib/jobs/types";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

const NOT_FOUND_PAGE = /NEXT_HTTP_ERROR_FALLBACK;404/;
const sweep = (name: string, cron: string): JobDefinition => ({ name, cron, description: `Sweeps for ${name}.`, run: async () => ({}) });
const DEFINITIONS = [sweep("test.outbox", "*/5 * * * *"), sweep("test.nightly", "0 3 * * *"), sweep("test.idle", "0 7 * * 1")];
const MAIL = { toAddress: "bounced@example.test", kind: "test", subject: "Your review is in", textBody: "Hi", htmlBody: "<p>Hi</p>" };

let admin: User;
let learner: User;

beforeAll(async () => {
  admin = await createUser({ isAdmin: true, name: "Jobs Admin" });
  learner = await createUser({ name: "Jobs Learner" });
  // A run that finished and one that failed without retries, as pg-boss keeps them.
  const boss = await startJobs({
    connectionString: process.env.DATABASE_URL!,
    definitions: DEFINITIONS,
    work: false,
    retry: { retryLimit: 0, retryDelay: 1, retryBackoff: false },
  });
  await boss.send("test.outbox", {});
  const [done] = await boss.fetch("test.outbox");
  await boss.complete("test.outbox", done!.id, { sent: 3, failedForGood: 1 });
  await boss.send("test.nightly", {});
  const [broken] = await boss.fetch("test.nightly");
  await boss.fail("test.nightly", broken!.id, new Error("the link checker could not resolve example.test"));
}, 60_000);

afterAll(async () => {
  await stopJobs();
});

describe("Admin → Jobs, what it lists", () => {
  it("shows each job's schedule in words, its last run with what it did, and the failed runs with their error", async () => {
    const page = await getJobsPage(DEFINITIONS);
    expect(page.queueReady).toBe(true);
    const [outbox, nightly, idle] = page.jobs;
    expect(outbox).toMatchObject({ name: "test.outbox", schedule: "every 5 minutes", lastRun: { succeeded: true, summary: "sent 3, failed for good 1" } });
    expect(outbox!.states).toEqual([{ state: "completed", count: 1 }]);
    expect(nightly).toMatchObject({ schedule: "daily at 03:00 UTC", lastRun: { succeeded: false, summary: "the link checker could not resolve example.test" } });
    expect(idle).toMatchObject({ schedule: "every Monday at 07:00 UTC", lastRun: null, states: [] });
    expect(page.failedRuns).toEqual([expect.objectContaining({ name: "test.nightly", error: "the link checker could not resolve example.test" })]);
  });

  it("lists failed mails and counts failed deliveries per webhook, naming a hook by its description or host only", async () => {
    await db.mail.createMany({ data: [{ ...MAIL, status: "failed", attempts: 5, lastError: "550 mailbox unavailable" }, { ...MAIL, status: "sent" }] });
    const named = await db.webhook.create({ data: { url: "https://hooks.example.test/a?token=secret", secret: "whsec_eA==", description: "Slack relay" } });
    const bare = await db.webhook.create({ data: { url: "https://ci.example.test/hook/secret-path", secret: "whsec_eA==" } });
    const delivery = { event: "submission.created", payload: {}, status: "failed" as const };
    await db.webhookDelivery.createMany({
      data: [{ ...delivery, webhookId: named.id }, { ...delivery, webhookId: named.id }, { ...delivery, webhookId: bare.id }, { ...delivery, webhookId: bare.id, status: "succeeded" }],
    });
    const page = await getJobsPage(DEFINITIONS);
    expect(page.failedMails).toEqual([expect.objectContaining({ to: "bounced@example.test", subject: "Your review is in", attempts: 5, lastError: "550 mailbox unavailable" })]);
    expect(page.failedDeliveries).toEqual({
      total: 3,
      webhooks: [
        { webhookId: named.id, label: "Slack relay", count: 2 },
        { webhookId: bare.id, label: "ci.example.test", count: 1 },
      ],
    });
  });

  it("is for admins only, as the database says now", async () => {
    await expect(asUser(learner, async () => loadJobsPage(await requireViewer()))).rejects.toThrow(NOT_FOUND_PAGE);
    const page = await asUser(admin, async () => loadJobsPage(await requireViewer()));
    expect(page.failedMails.length).toBeGreaterThan(0);
  });
});

describe("Admin → Jobs, what an admin can do", () => {
  it("Retry puts a failed mail back in the outbox with a fresh set of attempts, and records who did it", async () => {
    const mail = await db.mail.create({ data: { ...MAIL, status: "failed", attempts: 5, lastError: "timeout" } });
    expect(await asUser(admin, () => retryMailAction({ mailId: mail.id }))).toEqual({ ok: true, data: undefined });
    const row = await db.mail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "mail.retry", targetId: mail.id } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "mail", before: expect.objectContaining({ status: "failed", attempts: 5 }) });
    expect(JSON.stringify(audit)).not.toContain("bounced@example.test");
    // A second click (or a second admin) finds nothing left to retry.
    expect(await asUser(admin, () => retryMailAction({ mailId: mail.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses a non-admin's Retry and Run now with not found, changing nothing", async () => {
    const mail = await db.mail.create({ data: { ...MAIL, status: "failed", attempts: 5 } });
    const audits = await db.auditEvent.count();
    expect(await asUser(learner, () => retryMailAction({ mailId: mail.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await asUser(learner, () => runJobNowAction({ name: "test.outbox" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.mail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "failed", attempts: 5 });
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("Run now refuses a job Cairn does not have, and records a run it asks for", async () => {
    expect(await asUser(admin, () => runJobNowAction({ name: "no.such-job" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await runJobNow({ id: admin.id, requestId: null }, "test.outbox");
    expect(await db.auditEvent.findFirst({ where: { action: "job.run", targetId: "test.outbox", actorId: admin.id } })).not.toBeNull();
  });
});

describe("how Admin → Jobs words things", () => {
  it("puts the schedules Cairn uses in words and shows any other as the expression", () => {
    expect(describeCron("* * * * *")).toBe("every minute");
    expect(describeCron("*/15 * * * *")).toBe("every 15 minutes");
    expect(describeCron("0 * * * *")).toBe("every hour");
    expect(describeCron("30 */6 * * *")).toBe("every 6 hours");
    expect(describeCron("5 2 * * *")).toBe("daily at 02:05 UTC");
    expect(describeCron("0 8 * * 0")).toBe("every Sunday at 08:00 UTC");
    expect(describeCron("0 8 1 * *")).toBe("cron 0 8 1 * * (UTC)");
  });

  it("reads a run's summary and a failed run's error", () => {
    expect(summaryText({ checked: 12, broken: 0 })).toBe("checked 12, broken 0");
    expect(summaryText(null)).toBe("");
    expect(errorText({ value: { message: "job failed by timeout in active state" } })).toBe("job failed by timeout in active state");
    expect(errorText({ name: "Error", message: "boom" })).toBe("boom");
    expect(errorText(null)).toBe("No error was recorded.");
  });
});
