// Admin → Webhooks through its real server actions and loaders (docs/security.md #50): only an admin, as the
// database has it on this request, creates, edits, pauses, deletes, rotates or tests a hook; the secret is answered
// once and never again; every change leaves an audit row; the delivery log pages newest first.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookPausedAction,
  updateWebhookAction,
} from "@/lib/features/webhooks/actions";
import { DELIVERIES_PAGE_SIZE, WEBHOOK_MESSAGES } from "@/lib/features/webhooks/constants";
import { loadAdminWebhook, loadAdminWebhooks } from "@/lib/features/webhooks/loaders";
import { createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWebhook } from "@/prisma/factories/webhooks";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type Person = { id: string; email: string; name: string; isAdmin: boolean };

const NOT_FOUND_PAGE = /NEXT_HTTP_ERROR_FALLBACK;404/;
const NOT_FOUND = { ok: false, code: "NOT_FOUND", error: "This page does not exist." };
const viewerOf = (user: Person) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }) as Viewer;
const valid = {
  url: "https://hooks.example.org/cairn",
  description: "Slack relay",
  cohortId: "",
  events: ["milestone.completed", "submission.created"],
  allowPrivateNetwork: false,
};

let versionId: string;
beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

async function everything() {
  return { hooks: await db.webhook.findMany({ orderBy: { id: "asc" } }), deliveries: await db.webhookDelivery.count(), audits: await db.auditEvent.count() };
}

describe("Admin → Webhooks", () => {
  it("creates a hook and answers its secret once: the list, the page and the audit row never hold it", async () => {
    const admin = await createUser({ isAdmin: true });
    const created = await asUser(admin, () => createWebhookAction({ ...valid, url: "  https://hooks.example.org/cairn  ", events: ["submission.created", "milestone.completed", "submission.created"] }));
    if (!created.ok) throw new Error(created.error);
    expect(created.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.data.secret.slice(6), "base64")).toHaveLength(32);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: created.data.webhookId } });
    expect(row).toMatchObject({ url: "https://hooks.example.org/cairn", events: ["submission.created", "milestone.completed"], cohortId: null, active: true, createdById: admin.id, secret: created.data.secret });

    const list = await asUser(admin, () => loadAdminWebhooks(viewerOf(admin)));
    expect(list.webhooks).toContainEqual(expect.objectContaining({ id: row.id, state: "active", description: "Slack relay", cohort: null, lastDelivery: null, pendingDeliveries: 0 }));
    const page = await asUser(admin, () => loadAdminWebhook(viewerOf(admin), row.id));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.create", targetId: row.id } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "webhook", after: { host: "hooks.example.org", events: row.events, allowPrivateNetwork: false, cohortId: null } });
    // The host only: a receiver's path or query may be its secret, and audit rows are kept for good.
    expect(JSON.stringify(audit)).not.toContain("/cairn");
    expect(JSON.stringify([list, page, audit])).not.toContain(created.data.secret.slice(6));
  });

  it("accepts only http(s) addresses and listed events, with a message on the field", async () => {
    const admin = await createUser({ isAdmin: true });
    const before = await everything();
    const fieldsOf = async (input: object) => {
      const result = await asUser(admin, () => createWebhookAction({ ...valid, ...input }));
      return result.ok ? result : { code: result.code, fields: result.fieldErrors };
    };
    for (const url of ["javascript:alert(1)", "ftp://hooks.example.org/", "//hooks.example.org/x", "https://user:pw@hooks.example.org/", "hooks.example.org"]) {
      expect(await fieldsOf({ url }), url).toEqual({ code: "INVALID_INPUT", fields: { url: [WEBHOOK_MESSAGES.urlInvalid] } });
    }
    expect(await fieldsOf({ events: [] })).toEqual({ code: "INVALID_INPUT", fields: { events: [WEBHOOK_MESSAGES.eventsRequired] } });
    expect(await fieldsOf({ events: ["user.deleted"] })).toEqual({ code: "INVALID_INPUT", fields: { "events.0": [WEBHOOK_MESSAGES.eventInvalid] } });
    expect(await fieldsOf({ description: "x".repeat(201) })).toEqual({ code: "INVALID_INPUT", fields: { description: [WEBHOOK_MESSAGES.descriptionLength] } });
    expect(await fieldsOf({ secret: "whsec_mine" })).toMatchObject({ code: "INVALID_INPUT" });
    expect(await everything()).toEqual(before);
  });

  it("edits, pauses, resumes, rotates and deletes, each with its audit row", async () => {
    const admin = await createUser({ isAdmin: true });
    const hook = await createWebhook({ url: "https://hooks.example.org/a", allowPrivateNetwork: false });
    const as = <T>(work: () => Promise<T>) => asUser(admin, work);

    expect(await as(() => updateWebhookAction({ webhookId: hook.id, ...valid, url: "http://10.0.0.5/hook", allowPrivateNetwork: true }))).toEqual({ ok: true, data: undefined });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.update", targetId: hook.id } })).toMatchObject({
      before: { host: "hooks.example.org", urlChanged: false, description: "", events: ["submission.created"], allowPrivateNetwork: false },
      after: { host: "10.0.0.5", urlChanged: true, description: "Slack relay", events: ["submission.created", "milestone.completed"], allowPrivateNetwork: true },
    });

    expect(await as(() => setWebhookPausedAction({ webhookId: hook.id, paused: true }))).toEqual({ ok: true, data: undefined });
    expect((await as(() => loadAdminWebhooks(viewerOf(admin)))).webhooks.find((row) => row.id === hook.id)).toMatchObject({ state: "paused" });
    expect(await as(() => setWebhookPausedAction({ webhookId: hook.id, paused: false }))).toEqual({ ok: true, data: undefined });
    expect(await db.auditEvent.findMany({ where: { targetId: hook.id, action: { in: ["webhook.pause", "webhook.resume"] } }, orderBy: { createdAt: "asc" }, select: { action: true, before: true, after: true } })).toEqual([
      { action: "webhook.pause", before: { host: "10.0.0.5", state: "active" }, after: { host: "10.0.0.5", state: "paused" } },
      { action: "webhook.resume", before: { host: "10.0.0.5", state: "paused" }, after: { host: "10.0.0.5", state: "active" } },
    ]);

    const rotated = await as(() => rotateWebhookSecretAction({ webhookId: hook.id }));
    if (!rotated.ok) throw new Error(rotated.error);
    const after = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(after).toMatchObject({ secret: rotated.data.secret, previousSecret: hook.secret });
    expect(after.previousSecretUntil!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const rotation = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.secret_rotate", targetId: hook.id } });
    expect(JSON.stringify(rotation)).not.toContain(rotated.data.secret.slice(6));
    expect(JSON.stringify(rotation)).not.toContain(hook.secret.slice(6));

    expect(await as(() => deleteWebhookAction({ webhookId: hook.id }))).toEqual({ ok: true, data: undefined });
    expect(await db.webhook.count({ where: { id: hook.id } })).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.delete", targetId: hook.id } })).toMatchObject({ actorId: admin.id, before: { host: "10.0.0.5" } });
    expect(await as(() => deleteWebhookAction({ webhookId: hook.id }))).toEqual({ ok: false, code: "NOT_FOUND", error: WEBHOOK_MESSAGES.notFound });
  });

  // That a hook limited to a cohort gets that cohort's events and no other cohort's is the fan-out's test, in
  // events.test.ts ("learner.at_risk through emitWebhookEvent, only to hooks limited to that cohort or to none").
  it("limits a hook to one cohort, running or archived, lists it and records it in the audit rows", async () => {
    const admin = await createUser({ isAdmin: true });
    const running = await createCohort({ versionId, name: "Cohort to limit to" });
    const archived = await createCohort({ versionId, name: "Archived cohort" });
    await db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const as = <T>(work: () => Promise<T>) => asUser(admin, work);

    const { cohorts } = await as(() => loadAdminWebhooks(viewerOf(admin)));
    expect(cohorts).toContainEqual({ id: running.id, name: "Cohort to limit to", archived: false });
    expect(cohorts.findIndex((cohort) => cohort.id === running.id)).toBeLessThan(cohorts.findIndex((cohort) => cohort.id === archived.id));
    expect(cohorts.findLastIndex((cohort) => !cohort.archived)).toBeLessThan(cohorts.findIndex((cohort) => cohort.archived));
    expect(cohorts.find((cohort) => cohort.id === archived.id)).toEqual({ id: archived.id, name: "Archived cohort", archived: true });

    const created = await as(() => createWebhookAction({ ...valid, cohortId: running.id }));
    if (!created.ok) throw new Error(created.error);
    const { webhookId } = created.data;
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ cohortId: running.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.create", targetId: webhookId } })).toMatchObject({ after: { cohortId: running.id } });
    const cohort = { id: running.id, name: "Cohort to limit to", archived: false };
    expect((await as(() => loadAdminWebhooks(viewerOf(admin)))).webhooks.find((row) => row.id === webhookId)).toMatchObject({ cohort });
    expect((await as(() => loadAdminWebhook(viewerOf(admin), webhookId))).webhook).toMatchObject({ cohort });

    expect(await as(() => updateWebhookAction({ webhookId, ...valid, cohortId: archived.id }))).toEqual({ ok: true, data: undefined });
    expect((await as(() => loadAdminWebhook(viewerOf(admin), webhookId))).webhook.cohort).toEqual({ id: archived.id, name: "Archived cohort", archived: true });
    expect(await as(() => updateWebhookAction({ webhookId, ...valid, cohortId: "" }))).toEqual({ ok: true, data: undefined });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({ cohortId: null });
    const edits = await db.auditEvent.findMany({ where: { action: "webhook.update", targetId: webhookId }, orderBy: { createdAt: "asc" }, select: { before: true, after: true } });
    expect(edits).toEqual([
      { before: { cohortId: running.id }, after: { cohortId: archived.id } },
      { before: { cohortId: archived.id }, after: { cohortId: null } },
    ]);
  });

  it("refuses an unknown or malformed cohort, and roadmap.version_published on a hook limited to one, and writes nothing", async () => {
    const admin = await createUser({ isAdmin: true });
    const cohort = await createCohort({ versionId, name: "Refusals cohort" });
    const hook = await createWebhook({ url: "https://hooks.example.org/refusals", cohortId: cohort.id });
    const before = await everything();
    const fieldsOf = async (run: () => Promise<{ ok: boolean; code?: string; fieldErrors?: unknown }>) => {
      const result = await asUser(admin, run);
      return result.ok ? result : { code: result.code, fields: result.fieldErrors };
    };
    const wrongCohort = { code: "INVALID_INPUT", fields: { cohortId: [WEBHOOK_MESSAGES.cohortInvalid] } };
    for (const cohortId of ["0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b", "not-a-cohort", " "]) {
      expect(await fieldsOf(() => createWebhookAction({ ...valid, cohortId })), cohortId).toEqual(wrongCohort);
      expect(await fieldsOf(() => updateWebhookAction({ webhookId: hook.id, ...valid, cohortId })), cohortId).toEqual(wrongCohort);
    }
    const published = { ...valid, cohortId: cohort.id, events: ["submission.created", "roadmap.version_published"] };
    const instanceOnly = { code: "INVALID_INPUT", fields: { events: [WEBHOOK_MESSAGES.instanceEventForCohort] } };
    expect(await fieldsOf(() => createWebhookAction(published))).toEqual(instanceOnly);
    expect(await fieldsOf(() => updateWebhookAction({ webhookId: hook.id, ...published }))).toEqual(instanceOnly);
    expect(await everything()).toEqual(before);
    // For every cohort, the event is there to pick.
    expect(await asUser(admin, () => updateWebhookAction({ webhookId: hook.id, ...published, cohortId: "" }))).toEqual({ ok: true, data: undefined });
  });

  it("refuses every action to anyone but an admin, as the database has them, and writes nothing", async () => {
    const w = await createWorld({ versionId });
    const demoted = await createUser({ isAdmin: true });
    await db.user.update({ where: { id: demoted.id }, data: { isAdmin: false } });
    const hook = await createWebhook({ url: "http://127.0.0.1:9/hook", allowPrivateNetwork: false });
    const delivery = await db.webhookDelivery.create({ data: { webhookId: hook.id, event: "submission.created", payload: {} } });
    const before = await everything();
    for (const person of [w.learnerX1, w.mentorX, w.dual, demoted]) {
      const calls: (() => Promise<unknown>)[] = [
        () => createWebhookAction(valid),
        () => updateWebhookAction({ webhookId: hook.id, ...valid }),
        () => setWebhookPausedAction({ webhookId: hook.id, paused: true }),
        () => deleteWebhookAction({ webhookId: hook.id }),
        () => rotateWebhookSecretAction({ webhookId: hook.id }),
        () => sendTestWebhookAction({ webhookId: hook.id }),
        () => redeliverWebhookAction({ deliveryId: delivery.id }),
      ];
      for (const call of calls) expect(await asUser(person, call)).toEqual(NOT_FOUND);
      await expect(asUser(person, () => loadAdminWebhooks(viewerOf({ ...person, isAdmin: false })))).rejects.toThrow(NOT_FOUND_PAGE);
      await expect(asUser(person, () => loadAdminWebhook(viewerOf({ ...person, isAdmin: false }), hook.id))).rejects.toThrow(NOT_FOUND_PAGE);
    }
    expect(await everything()).toEqual(before);
  });

  it("pages the delivery log newest first and redelivers a payload as a new delivery", async () => {
    const admin = await createUser({ isAdmin: true });
    const hook = await createWebhook({ url: "http://127.0.0.1:9/hook", allowPrivateNetwork: false });
    const base = Date.parse("2027-02-01T10:00:00Z");
    await db.webhookDelivery.createMany({
      data: Array.from({ length: DELIVERIES_PAGE_SIZE + 3 }, (_, index) => ({
        webhookId: hook.id,
        event: "submission.created",
        payload: { type: "submission.created", timestamp: new Date(base).toISOString(), data: { index } },
        createdAt: new Date(base + index * 1000),
        status: "succeeded" as const,
        attempts: 1,
        lastStatusCode: 200,
        lastResponse: "<script>alert(1)</script>",
      })),
    });
    const first = await asUser(admin, () => loadAdminWebhook(viewerOf(admin), hook.id));
    expect(first.deliveries).toHaveLength(DELIVERIES_PAGE_SIZE);
    expect(first.deliveries[0]!.createdAt).toBe(new Date(base + (DELIVERIES_PAGE_SIZE + 2) * 1000).toISOString());
    expect(first.next).not.toBeNull();
    const second = await asUser(admin, () => loadAdminWebhook(viewerOf(admin), hook.id, first.next!));
    expect(second.deliveries.map((delivery) => delivery.createdAt)).toEqual([2, 1, 0].map((index) => new Date(base + index * 1000).toISOString()));
    expect(second.next).toBeNull();
    // A cursor that does not parse is ignored: the first page.
    expect((await asUser(admin, () => loadAdminWebhook(viewerOf(admin), hook.id, "garbage"))).deliveries[0]).toEqual(first.deliveries[0]);
    await expect(asUser(admin, () => loadAdminWebhook(viewerOf(admin), "not-a-uuid"))).rejects.toThrow(NOT_FOUND_PAGE);

    const oldest = second.deliveries.at(-1)!;
    const again = await asUser(admin, () => redeliverWebhookAction({ deliveryId: oldest.id }));
    if (!again.ok) throw new Error(again.error);
    const copy = await db.webhookDelivery.findUniqueOrThrow({ where: { id: again.data.deliveryId } });
    const original = await db.webhookDelivery.findUniqueOrThrow({ where: { id: oldest.id } });
    expect(copy).toMatchObject({ webhookId: hook.id, event: original.event, payload: original.payload, status: "pending", attempts: 0, nextAttemptAt: null });
    expect(copy.id).not.toBe(original.id);
    expect(await asUser(admin, () => redeliverWebhookAction({ deliveryId: "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b" }))).toEqual({
      ok: false,
      code: "NOT_FOUND",
      error: WEBHOOK_MESSAGES.deliveryNotFound,
    });
  });

  it("answers a test to a refused private address with the reason, without switching the hook off", async () => {
    const admin = await createUser({ isAdmin: true });
    // Limited to a cohort: "Send test" goes to the hook all the same, whatever cohort its events are for.
    const cohort = await createCohort({ versionId, name: "Tested cohort" });
    const hook = await createWebhook({ url: "http://127.0.0.1:9/hook", allowPrivateNetwork: false, cohortId: cohort.id });
    const result = await asUser(admin, () => sendTestWebhookAction({ webhookId: hook.id }));
    expect(result).toMatchObject({ ok: true, data: { event: "webhook.test", status: "failed", attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^Refused: the address is on a private network/) } });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ active: true, consecutiveFailures: 0 });
  });
});
