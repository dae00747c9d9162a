import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook as Signer } from "standardwebhooks";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { notificationsInsertFor } from "@/lib/features/notifications/mutations";
import {
  CLAIM_LEASE_MS,
  DELIVERY_BATCH,
  DELIVERY_CONCURRENCY,
  DELIVERY_TIMEOUT_MS,
  DISABLE_AFTER_FAILURES,
  MAX_DELIVERY_ATTEMPTS,
  PREVIOUS_SECRET_HOURS,
  RESPONSE_EXCERPT_BYTES,
  RETRY_BACKOFF_MINUTES,
  DELIVER_JOB,
  TEST_EVENT,
  WEBHOOK_MESSAGES,
  WEBHOOKS_MAX,
  type WebhookEvent,
} from "@/lib/features/webhooks/constants";
import { getDelivery } from "@/lib/features/webhooks/data";
import type { WebhookInput } from "@/lib/features/webhooks/schema";
import type { CreatedSecret, DeliveryView } from "@/lib/features/webhooks/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { kick } from "@/lib/jobs/boss";
import { OutboundError, outboundRequest, type OutboundFailure } from "@/lib/net/outbound";

const MINUTE_MS = 60 * 1000;

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Emitting events

/** A value in an event's `data`: plain JSON, or SQL that yields jsonb, read in the statement that writes the event. */
export type WebhookDataValue = Prisma.JsonValue | Prisma.Sql;
export type WebhookData = Record<string, WebhookDataValue>;

function jsonValue(value: WebhookDataValue): Prisma.Sql {
  return value instanceof Prisma.Sql ? value : Prisma.sql`${JSON.stringify(value)}::jsonb`;
}

function dataObject(data: WebhookData): Prisma.Sql {
  const pairs = Object.entries(data).map(([key, value]) => Prisma.sql`${key}::text, ${jsonValue(value)}`);
  return pairs.length === 0 ? Prisma.sql`'{}'::jsonb` : Prisma.sql`jsonb_build_object(${Prisma.join(pairs)})`;
}

/** `{ id, name }` of a person, read by the statement: never their e-mail. */
export function personData(userId: Prisma.Sql | string): Prisma.Sql {
  const id = typeof userId === "string" ? Prisma.sql`${userId}::uuid` : userId;
  return Prisma.sql`(SELECT jsonb_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${id})`;
}

/** `{ id, name }` of a cohort, read by the statement. */
export function cohortData(cohortId: string): Prisma.Sql {
  return Prisma.sql`(SELECT jsonb_build_object('id', c.id, 'name', c.name) FROM cohorts c WHERE c.id = ${cohortId}::uuid)`;
}

/** An on-site path as the receiver can open it: absolute when Cairn knows its public address (NEXTAUTH_URL). */
export function siteLink(path: string): string {
  const origin = env().NEXTAUTH_URL;
  return origin ? new URL(path, origin).href : path;
}

/**
 * The INSERT … SELECT of one event: a pending delivery for every active hook subscribed to it (a hook limited to one
 * cohort only for that cohort's events), for a change that writes itself and its event in one statement (a
 * data-modifying `WITH`, docs/performance.md); `when` makes it conditional on the rest of that statement, e.g. on
 * a row another part of it wrote. The caller kicks the delivery job after it (`kickDeliveries`).
 */
export function webhookEventInsert(
  event: WebhookEvent,
  data: WebhookData,
  { now = new Date(), when = Prisma.sql`true` }: { now?: Date; when?: Prisma.Sql } = {},
): Prisma.Sql {
  const payload = Prisma.sql`jsonb_build_object('type', ${event}::text, 'timestamp', ${now.toISOString()}::text, 'data', ${dataObject(data)})`;
  return Prisma.sql`
    INSERT INTO webhook_deliveries (id, webhook_id, event, payload, created_at, updated_at)
    SELECT uuidv7(), w.id, event.payload->>'type', event.payload, ${now}, ${now}
      FROM webhooks w, (SELECT ${payload} AS payload) event
     WHERE w.active AND ${event}::text = ANY(w.events) AND ${when}
       AND (w.cohort_id IS NULL OR w.cohort_id::text = event.payload->'data'->'cohort'->>'id')`;
}

/** Asks the delivery job to run soon; its cron finds the rows anyway (docs/decisions/061-jobs-on-postgresql.md). */
export function kickDeliveries(): void {
  kick(DELIVER_JOB);
}

/**
 * Records `event` for every active hook subscribed to it, inside the caller's transaction, so the event exists
 * exactly when the change it announces commits; then asks for a delivery run. Returns how many deliveries it wrote.
 */
export async function emitWebhookEvent(tx: Tx, event: WebhookEvent, data: WebhookData): Promise<number> {
  const count = await tx.$executeRaw(webhookEventInsert(event, data));
  if (count > 0) kickDeliveries();
  return count;
}

// ---------------------------------------------------------------------------------------------------------------
// Admin → Webhooks

type AuditedFields = { host: string; description: string; events: string[]; allowPrivateNetwork: boolean; cohortId: string | null };

/**
 * The receiver's host, never its whole URL: many receivers (chat relays among them) carry their secret in the path
 * or query, and audit rows are kept for good.
 */
function hostOf(url: string): string {
  return new URL(url).host;
}

function audited(row: { url: string; description: string; events: string[]; allowPrivateNetwork: boolean; cohortId: string | null }): AuditedFields {
  return { host: hostOf(row.url), description: row.description, events: row.events, allowPrivateNetwork: row.allowPrivateNetwork, cohortId: row.cohortId };
}

const AUDITED_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  allowPrivateNetwork: true,
  cohortId: true,
  active: true,
  disabledAt: true,
} as const;

async function lockedWebhook(tx: Tx, webhookId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM webhooks WHERE id = ${webhookId}::uuid FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", WEBHOOK_MESSAGES.notFound);
  return tx.webhook.findUniqueOrThrow({ where: { id: webhookId }, select: AUDITED_SELECT });
}

/**
 * "New webhook". The secret is generated here and answered this once; it is stored as it is because every delivery
 * is signed with it (docs/decisions/062-webhooks.md). Creates queue up on one advisory lock so the cap holds.
 */
export async function createWebhook(actor: Actor, input: WebhookInput): Promise<CreatedSecret> {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('webhooks.create'))`;
    if ((await tx.webhook.count()) >= WEBHOOKS_MAX) throw new AppError("INVALID_STATE", WEBHOOK_MESSAGES.capReached);
    const row = await tx.webhook.create({
      data: { ...input, secret, createdById: actor.id },
      select: AUDITED_SELECT,
    });
    await writeAudit(tx, { actor, action: "webhook.create", targetType: "webhook", targetId: row.id, after: audited(row) });
    return { webhookId: row.id, secret };
  });
}

/** "Edit": address, description, events, cohort and the private-network switch; the secret and the state stay. */
export async function updateWebhook(actor: Actor, webhookId: string, input: WebhookInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockedWebhook(tx, webhookId);
    const after = await tx.webhook.update({ where: { id: webhookId }, data: input, select: AUDITED_SELECT });
    const was = { ...audited(before), urlChanged: false };
    const now = { ...audited(after), urlChanged: before.url !== after.url };
    const changed = (Object.keys(was) as (keyof typeof was)[]).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
    await writeAudit(tx, {
      actor,
      action: "webhook.update",
      targetType: "webhook",
      targetId: webhookId,
      before: Object.fromEntries(changed.map((key) => [key, was[key]])),
      after: Object.fromEntries(changed.map((key) => [key, now[key]])),
    });
  });
}

/**
 * "Pause" (`paused`) or "Resume" / "Turn on again". Turning a hook on clears a switch-off and its failure count, and
 * makes its waiting deliveries due at once, oldest first: they were held, not dropped.
 */
export async function setWebhookPaused(actor: Actor, webhookId: string, paused: boolean, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockedWebhook(tx, webhookId);
    const state = (row: { active: boolean; disabledAt: Date | null }) => (row.active ? "active" : row.disabledAt ? "switched_off" : "paused");
    if (paused) {
      if (!before.active) return;
      await tx.webhook.update({ where: { id: webhookId }, data: { active: false } });
    } else {
      if (before.active) return;
      await tx.webhook.update({ where: { id: webhookId }, data: { active: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 } });
      await tx.webhookDelivery.updateMany({ where: { webhookId, status: "pending" }, data: { nextAttemptAt: now } });
    }
    await writeAudit(tx, {
      actor,
      action: paused ? "webhook.pause" : "webhook.resume",
      targetType: "webhook",
      targetId: webhookId,
      before: { host: hostOf(before.url), state: state(before) },
      after: { host: hostOf(before.url), state: paused ? "paused" : "active" },
    });
  });
  if (!paused) kickDeliveries();
}

/** "Delete": the hook and its delivery log go; what was still waiting is never sent. */
export async function deleteWebhook(actor: Actor, webhookId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await lockedWebhook(tx, webhookId);
    await tx.webhook.delete({ where: { id: webhookId } });
    await writeAudit(tx, { actor, action: "webhook.delete", targetType: "webhook", targetId: webhookId, before: audited(before) });
  });
}

/**
 * "Rotate secret": a new secret, answered this once. The old one keeps signing alongside it for
 * PREVIOUS_SECRET_HOURS, so a receiver can switch over without missing a delivery.
 */
export async function rotateWebhookSecret(actor: Actor, webhookId: string, now = new Date()): Promise<CreatedSecret> {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const before = await lockedWebhook(tx, webhookId);
    const until = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 60 * MINUTE_MS);
    await tx.$executeRaw`
      UPDATE webhooks SET previous_secret = secret, previous_secret_until = ${until}, secret = ${secret}, updated_at = ${now}
       WHERE id = ${webhookId}::uuid`;
    await writeAudit(tx, {
      actor,
      action: "webhook.secret_rotate",
      targetType: "webhook",
      targetId: webhookId,
      after: { host: hostOf(before.url), previousSecretUntil: until.toISOString() },
    });
    return { webhookId, secret };
  });
}

/** "Redeliver": a new delivery of the same event and payload, with an id of its own, sent by the next sweep. */
export async function redeliver(deliveryId: string, now = new Date()): Promise<{ deliveryId: string }> {
  const [created] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO webhook_deliveries (id, webhook_id, event, payload, created_at, updated_at)
    SELECT uuidv7(), d.webhook_id, d.event, d.payload, ${now}, ${now} FROM webhook_deliveries d WHERE d.id = ${deliveryId}::uuid
    RETURNING id`;
  if (!created) throw new AppError("NOT_FOUND", WEBHOOK_MESSAGES.deliveryNotFound);
  kickDeliveries();
  return { deliveryId: created.id };
}

/**
 * "Send test": a `webhook.test` ping, written as a delivery already claimed by this request and sent right away
 * through the same path as every other, paused or switched-off hooks included (that is how an admin checks a
 * receiver before turning the hook on again). It is tried once and leaves the hook's failure count alone.
 */
export async function sendTestDelivery(webhookId: string, now = new Date()): Promise<DeliveryView> {
  const payload = { type: TEST_EVENT, timestamp: now.toISOString(), data: { webhook: { id: webhookId }, message: "A test delivery from Cairn." } };
  const [claimed] = await db.$queryRaw<ClaimedDelivery[]>`
    WITH created AS (
      INSERT INTO webhook_deliveries (id, webhook_id, event, payload, next_attempt_at, created_at, updated_at)
      SELECT uuidv7(), w.id, ${TEST_EVENT}, ${JSON.stringify(payload)}::jsonb, ${new Date(now.getTime() + CLAIM_LEASE_MS)}, ${now}, ${now}
        FROM webhooks w WHERE w.id = ${webhookId}::uuid
      RETURNING *)
    SELECT ${CLAIMED_COLUMNS} FROM created d JOIN webhooks w ON w.id = d.webhook_id`;
  if (!claimed) throw new AppError("NOT_FOUND", WEBHOOK_MESSAGES.notFound);
  await attemptDelivery(claimed, now);
  return (await getDelivery(webhookId, claimed.id))!;
}

// ---------------------------------------------------------------------------------------------------------------
// Delivering

type ClaimedDelivery = {
  id: string;
  webhook_id: string;
  event: string;
  payload: Prisma.JsonValue;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  allow_private_network: boolean;
};

const CLAIMED_COLUMNS = Prisma.sql`d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret, w.previous_secret,
  w.previous_secret_until, w.allow_private_network`;

/**
 * Takes up to `limit` due deliveries of active hooks, oldest first, and pushes their next attempt past the lease in
 * the same statement. `SKIP LOCKED` lets two sweeps at once each take different rows, and the lease keeps a
 * delivery being sent from being due for anyone else (docs/security.md #50).
 */
async function claimDue(now: Date, limit: number): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.status = 'pending' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ${now}) AND w.active
       ORDER BY d.created_at, d.id
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries d SET next_attempt_at = ${new Date(now.getTime() + CLAIM_LEASE_MS)}, updated_at = ${now}
      FROM due, webhooks w
     WHERE d.id = due.id AND w.id = d.webhook_id
    RETURNING ${CLAIMED_COLUMNS}`;
}

/** The signature header: the current secret's, and the previous one's while its window lasts (space-separated). */
export function signatureHeader(
  hook: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  id: string,
  timestamp: Date,
  body: string,
  now: Date,
): string {
  const secrets = [hook.secret];
  if (hook.previousSecret && hook.previousSecretUntil && hook.previousSecretUntil > now) secrets.push(hook.previousSecret);
  return secrets.map((secret) => new Signer(secret).sign(id, timestamp, body)).join(" ");
}

const FAILURE_TEXT: Record<OutboundFailure, string> = {
  invalid_url: "The address is not a valid http(s) address.",
  private_address:
    "Refused: the address is on a private network (loopback, private or link-local). Allow private network addresses on this webhook to deliver there.",
  dns: "The receiver's host name does not resolve.",
  timeout: `No answer within ${DELIVERY_TIMEOUT_MS / 1000} seconds.`,
  tls: "The TLS connection failed",
  connection: "Could not connect to the receiver",
  too_many_redirects: "The receiver answered with a redirect; deliveries do not follow redirects.",
  too_large: "The answer was too large.",
};

type Outcome = { ok: boolean; statusCode: number | null; error: string | null; response: string | null; durationMs: number };

async function send(delivery: ClaimedDelivery, now: Date): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  // The receiver checks this against its own clock (5 minutes either way in the reference libraries), so it is the
  // time of sending, not the sweep's `now`, which tests fix.
  const sentAt = new Date();
  const headers = {
    "content-type": "application/json",
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signatureHeader(
      { secret: delivery.secret, previousSecret: delivery.previous_secret, previousSecretUntil: delivery.previous_secret_until },
      delivery.id,
      sentAt,
      body,
      now,
    ),
  };
  const started = performance.now();
  try {
    const answer = await outboundRequest(delivery.url, {
      method: "POST",
      headers,
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxRedirects: 0,
      allowPrivate: delivery.allow_private_network,
      maxBodyBytes: RESPONSE_EXCERPT_BYTES,
    });
    const ok = answer.status >= 200 && answer.status < 300;
    return {
      ok,
      statusCode: answer.status,
      error: ok ? null : `The receiver answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ""}.`,
      response: answer.body.replaceAll("\u0000", ""),
      durationMs: answer.durationMs,
    };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    if (error instanceof OutboundError) {
      const text = FAILURE_TEXT[error.failure];
      const detail = error.failure === "tls" || error.failure === "connection" ? ` (${error.message}).` : "";
      return { ok: false, statusCode: null, error: detail ? `${text}${detail}` : text, response: null, durationMs };
    }
    throw error;
  }
}

/** Whether the admins were told that this failure switched the hook off. */
async function recordOutcome(delivery: ClaimedDelivery, outcome: Outcome, now: Date): Promise<{ disabled: boolean }> {
  const attempts = delivery.attempts + 1;
  const test = delivery.event === TEST_EVENT;
  const final = outcome.ok || test || attempts >= MAX_DELIVERY_ATTEMPTS;
  const status = outcome.ok ? "succeeded" : final ? "failed" : "pending";
  const nextAttemptAt = final ? null : new Date(now.getTime() + RETRY_BACKOFF_MINUTES[attempts - 1]! * MINUTE_MS);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE webhook_deliveries
         SET status = ${status}::delivery_status, attempts = ${attempts}, next_attempt_at = ${nextAttemptAt},
             last_status_code = ${outcome.statusCode}, last_error = ${outcome.error}, last_response = ${outcome.response},
             last_duration_ms = ${outcome.durationMs}, last_attempt_at = ${now}, delivered_at = ${outcome.ok ? now : null},
             updated_at = ${now}
       WHERE id = ${delivery.id}::uuid`;
    if (outcome.ok) {
      await tx.$executeRaw`UPDATE webhooks SET consecutive_failures = 0, updated_at = ${now} WHERE id = ${delivery.webhook_id}::uuid AND consecutive_failures > 0`;
      return { disabled: false };
    }
    if (test) return { disabled: false };
    const reason = `Switched off after ${DISABLE_AFTER_FAILURES} failed deliveries in a row. The last one: ${outcome.error ?? "no answer"}`;
    // The old row's `active` is read under the lock the UPDATE takes, so of several failures at once only the one
    // that crosses the limit switches the hook off and tells the admins.
    const [hook] = await tx.$queryRaw<{ switched_off: boolean; url: string }[]>`
      WITH old AS (SELECT id, active FROM webhooks WHERE id = ${delivery.webhook_id}::uuid FOR UPDATE)
      UPDATE webhooks w
         SET consecutive_failures = w.consecutive_failures + 1,
             active = w.active AND w.consecutive_failures + 1 < ${DISABLE_AFTER_FAILURES},
             disabled_at = CASE WHEN w.active AND w.consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES} THEN ${now} ELSE w.disabled_at END,
             disabled_reason = CASE WHEN w.active AND w.consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES} THEN ${reason} ELSE w.disabled_reason END,
             updated_at = ${now}
        FROM old
       WHERE w.id = old.id
      RETURNING old.active AND NOT w.active AS switched_off, w.url`;
    if (!hook?.switched_off) return { disabled: false };
    await tx.$executeRaw(
      notificationsInsertFor(Prisma.sql`SELECT id AS user_id FROM users WHERE is_admin AND deactivated_at IS NULL`, {
        type: "webhook_disabled",
        title: `Webhook to ${hostOf(hook.url)} switched off after ${DISABLE_AFTER_FAILURES} failed deliveries`,
        href: `/admin/webhooks/${delivery.webhook_id}`,
      }),
    );
    return { disabled: true };
  });
}

async function attemptDelivery(delivery: ClaimedDelivery, now: Date) {
  const outcome = await send(delivery, now);
  const { disabled } = await recordOutcome(delivery, outcome, now);
  return { ok: outcome.ok, disabled };
}

/**
 * One sweep of `webhooks.deliver`: claims what is due at `now` and sends it, DELIVERY_CONCURRENCY at a time. A full
 * batch kicks another run rather than looping, so one sweep stays short.
 */
export async function deliverDueWebhooks(now: Date): Promise<{ succeeded: number; failed: number; switchedOff: number }> {
  const claimed = await claimDue(now, DELIVERY_BATCH);
  const summary = { succeeded: 0, failed: 0, switchedOff: 0 };
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(DELIVERY_CONCURRENCY, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = await attemptDelivery(next, now);
        summary[result.ok ? "succeeded" : "failed"] += 1;
        if (result.disabled) summary.switchedOff += 1;
      }
    }),
  );
  if (claimed.length === DELIVERY_BATCH) kickDeliveries();
  return summary;
}
