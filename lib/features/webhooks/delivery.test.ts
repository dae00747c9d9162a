// The delivery job against a real receiver on 127.0.0.1 (docs/security.md #50): deliveries are signed per the
// Standard Webhooks spec and verify with the `standardwebhooks` library, retried with backoff on a fixed clock,
// refused on a private address unless the hook allows it, sent once however many sweeps run at once, and a hook
// that keeps failing is switched off with every admin told.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Webhook as Verifier } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rotateWebhookSecretAction, sendTestWebhookAction, setWebhookPausedAction } from "@/lib/features/webhooks/actions";
import { DISABLE_AFTER_FAILURES, MAX_DELIVERY_ATTEMPTS, PREVIOUS_SECRET_HOURS } from "@/lib/features/webhooks/constants";
import { deliverWebhooksJob } from "@/lib/features/webhooks/jobs";
import { emitWebhookEvent } from "@/lib/features/webhooks/mutations";
import { createUser } from "@/prisma/factories/users";
import { createWebhook, startReceiver } from "@/prisma/factories/webhooks";
import { asUser } from "@/test/as-viewer";

const T0 = new Date("2027-03-01T09:00:00Z");
const MINUTE_MS = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE_MS);
const run = (now: Date) => deliverWebhooksJob.run(now);

const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
async function receiver(answer?: { status: number; body?: string }) {
  const started = await startReceiver(answer);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((started) => started.close()));
  await db.webhook.deleteMany();
});

async function emit(data: Record<string, string> = { note: "hello" }) {
  return db.$transaction((tx) => emitWebhookEvent(tx, "submission.created", data));
}

function verifierHeaders(headers: Record<string, string>) {
  return { "webhook-id": headers["webhook-id"]!, "webhook-timestamp": headers["webhook-timestamp"]!, "webhook-signature": headers["webhook-signature"]! };
}

describe("delivering webhooks", () => {
  it("signs each delivery so the standardwebhooks library verifies it, with the delivery id as webhook-id", async () => {
    const target = await receiver({ status: 200, body: "<b>received</b>" });
    const hook = await createWebhook({ url: target.url });
    await createWebhook({ url: target.url, events: ["roadmap.version_published"] });
    expect(await emit({ note: "hello" })).toBe(1);

    expect(await run(T0)).toEqual({ succeeded: 1, failed: 0, switchedOff: 0 });
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json");
    const verified = new Verifier(hook.secret).verify(request!.body, verifierHeaders(request!.headers));
    expect(verified).toEqual({ type: "submission.created", timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { note: "hello" } });
    expect(() => new Verifier(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(request!.body, verifierHeaders(request!.headers))).toThrow();

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(request!.headers["webhook-id"]).toBe(delivery.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastResponse: "<b>received</b>", lastError: null, deliveredAt: T0, lastAttemptAt: T0 });
    // A second sweep finds nothing to send.
    expect(await run(at(5))).toEqual({ succeeded: 0, failed: 0, switchedOff: 0 });
  });

  it("retries a failed delivery after 1, 5, 30, 120 and 480 minutes with the same webhook-id, then marks it failed", async () => {
    const target = await receiver({ status: 500, body: "x".repeat(3000) });
    const hook = await createWebhook({ url: target.url });
    await emit();
    const schedule = [0, 1, 6, 36, 156, 636];
    for (const [index, minute] of schedule.entries()) {
      // Just before it is due, nothing is sent.
      if (index > 0) expect(await run(at(minute - 0.5))).toEqual({ succeeded: 0, failed: 0, switchedOff: 0 });
      expect(await run(at(minute))).toEqual({ succeeded: 0, failed: 1, switchedOff: 0 });
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(delivery.attempts).toBe(index + 1);
      expect(delivery.lastStatusCode).toBe(500);
      expect(delivery.lastResponse).toHaveLength(1024);
      expect(delivery.lastError).toBe("The receiver answered 500 Internal Server Error.");
      if (index + 1 < MAX_DELIVERY_ATTEMPTS) {
        expect(delivery).toMatchObject({ status: "pending", nextAttemptAt: at(schedule[index + 1]!) });
      } else {
        expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null });
      }
    }
    expect(target.received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(new Set(target.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ consecutiveFailures: MAX_DELIVERY_ATTEMPTS, active: true });
    expect(await run(at(10_000))).toEqual({ succeeded: 0, failed: 0, switchedOff: 0 });
  });

  it("refuses a private address unless the hook allows private network addresses, with a clear error", async () => {
    const target = await receiver();
    const closed = await createWebhook({ url: target.url, allowPrivateNetwork: false });
    await emit();
    expect(await run(T0)).toEqual({ succeeded: 0, failed: 1, switchedOff: 0 });
    expect(target.received).toHaveLength(0);
    const refused = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: closed.id } });
    expect(refused).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(refused.lastError).toMatch(/^Refused: the address is on a private network .*Allow private network addresses/);

    await db.webhook.update({ where: { id: closed.id }, data: { allowPrivateNetwork: true } });
    expect(await run(at(1))).toEqual({ succeeded: 1, failed: 0, switchedOff: 0 });
    expect(target.received).toHaveLength(1);
  });

  it("switches a hook off after 15 failed attempts in a row, tells every admin once, and holds its deliveries until it is turned on again", async () => {
    const target = await receiver({ status: 503 });
    const hook = await createWebhook({ url: target.url });
    const [admin, otherAdmin] = await Promise.all([createUser({ isAdmin: true }), createUser({ isAdmin: true })]);
    const learner = await createUser();
    for (let index = 0; index < DISABLE_AFTER_FAILURES - 1; index += 1) await emit({ index: String(index) });
    expect(await run(T0)).toEqual({ succeeded: 0, failed: DISABLE_AFTER_FAILURES - 1, switchedOff: 0 });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ active: true, consecutiveFailures: 14 });

    await emit({ index: "last" });
    expect(await run(at(0.5))).toEqual({ succeeded: 0, failed: 1, switchedOff: 1 });
    const off = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(off).toMatchObject({ active: false, disabledAt: at(0.5), consecutiveFailures: DISABLE_AFTER_FAILURES });
    expect(off.disabledReason).toBe("Switched off after 15 failed deliveries in a row. The last one: The receiver answered 503 Service Unavailable.");
    const told = await db.notification.findMany({ where: { type: "webhook_disabled" }, select: { userId: true, href: true, title: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([admin.id, otherAdmin.id].sort());
    expect(told[0]).toMatchObject({ href: `/admin/webhooks/${hook.id}`, title: expect.stringContaining("switched off after 15 failed deliveries") });
    expect(told.some((row) => row.userId === learner.id)).toBe(false);

    // Switched off: nothing is sent and nothing new is queued for it, but what waited is kept.
    const sent = target.received.length;
    expect(await run(at(60))).toEqual({ succeeded: 0, failed: 0, switchedOff: 0 });
    expect(await emit()).toBe(0);
    expect(target.received).toHaveLength(sent);
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id, status: "pending" } })).toBe(DISABLE_AFTER_FAILURES);

    target.answer.status = 204;
    expect(await asUser(admin, () => setWebhookPausedAction({ webhookId: hook.id, paused: false }))).toEqual({ ok: true, data: undefined });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ active: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    expect(await run(new Date(Date.now() + 1000))).toEqual({ succeeded: DISABLE_AFTER_FAILURES, failed: 0, switchedOff: 0 });
    expect(await db.notification.count({ where: { type: "webhook_disabled" } })).toBe(2);
  });

  it("signs with both secrets for 24 hours after a rotation, so a receiver holding either one verifies", async () => {
    const target = await receiver();
    const hook = await createWebhook({ url: target.url });
    const admin = await createUser({ isAdmin: true });
    const rotated = await asUser(admin, () => rotateWebhookSecretAction({ webhookId: hook.id }));
    if (!rotated.ok) throw new Error(rotated.error);
    expect(rotated.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.data.secret).not.toBe(hook.secret);

    await emit();
    await run(new Date());
    const [request] = target.received;
    expect(request!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    for (const secret of [hook.secret, rotated.data.secret]) {
      expect(new Verifier(secret).verify(request!.body, verifierHeaders(request!.headers))).toMatchObject({ type: "submission.created" });
    }

    await emit();
    await run(new Date(Date.now() + (PREVIOUS_SECRET_HOURS * 60 + 1) * MINUTE_MS));
    const later = target.received[1]!;
    expect(later.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new Verifier(rotated.data.secret).verify(later.body, verifierHeaders(later.headers))).toMatchObject({ type: "submission.created" });
    expect(() => new Verifier(hook.secret).verify(later.body, verifierHeaders(later.headers))).toThrow();
  });

  it("sends each delivery once when two sweeps run at once", async () => {
    const target = await receiver();
    await createWebhook({ url: target.url });
    for (let index = 0; index < 12; index += 1) await emit({ index: String(index) });
    const [one, two] = await Promise.all([run(T0), run(T0)]);
    expect((one.succeeded ?? 0) + (two.succeeded ?? 0)).toBe(12);
    const ids = target.received.map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await db.webhookDelivery.count({ where: { status: "succeeded", attempts: 1 } })).toBe(12);
  });

  it("delivers a test ping right away through the same path and answers how it went, paused hooks included", async () => {
    const target = await receiver({ status: 200, body: "pong" });
    const hook = await createWebhook({ url: target.url, active: false });
    const admin = await createUser({ isAdmin: true });
    const result = await asUser(admin, () => sendTestWebhookAction({ webhookId: hook.id }));
    expect(result).toMatchObject({ ok: true, data: { event: "webhook.test", status: "succeeded", attempts: 1, lastStatusCode: 200, lastResponse: "pong" } });
    const [request] = target.received;
    expect(new Verifier(hook.secret).verify(request!.body, verifierHeaders(request!.headers))).toMatchObject({ type: "webhook.test" });
  });
});

describe("the verification snippet in docs/operations.md", () => {
  it("verifies a real delivery when run as written", async () => {
    const target = await receiver();
    const hook = await createWebhook({ url: target.url });
    await emit({ note: "from the docs" });
    await run(new Date());
    const [request] = target.received;
    const operations = await readFile(path.join(process.cwd(), "docs/operations.md"), "utf8");
    const snippet = /<!-- webhook-verification -->\s*```js\n([\s\S]*?)```/.exec(operations)?.[1];
    expect(snippet).toBeDefined();
    const harness = `${snippet}\nconsole.log(JSON.stringify(verifyCairnWebhook(process.env.SECRET, process.env.BODY, JSON.parse(process.env.HEADERS))));`;
    const runSnippet = (secret: string) =>
      promisify(execFile)(process.execPath, ["--input-type=module", "-e", harness], {
        cwd: process.cwd(),
        env: { ...process.env, SECRET: secret, BODY: request!.body, HEADERS: JSON.stringify(request!.headers) },
      });
    const { stdout } = await runSnippet(hook.secret);
    expect(JSON.parse(stdout)).toEqual({ type: "submission.created", timestamp: expect.any(String), data: { note: "from the docs" } });
    await expect(runSnippet(`whsec_${Buffer.alloc(32, 1).toString("base64")}`)).rejects.toThrow(/No matching signature found/);
  });
});
