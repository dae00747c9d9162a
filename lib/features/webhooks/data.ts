import "server-only";
import { encodeCursor, type KeysetCursor } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryView, WebhookCohortOption, WebhookView } from "@/lib/features/webhooks/types";

const DELIVERY_SELECT = {
  id: true,
  event: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  lastResponse: true,
  lastDurationMs: true,
  lastAttemptAt: true,
  createdAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_SELECT }>;

function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    ...row,
    nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const WEBHOOK_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  allowPrivateNetwork: true,
  cohort: { select: { id: true, name: true, archivedAt: true } },
  active: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretUntil: true,
  createdAt: true,
  deliveries: {
    where: { lastAttemptAt: { not: null } },
    orderBy: [{ lastAttemptAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { status: true, lastAttemptAt: true, lastStatusCode: true },
  },
  _count: { select: { deliveries: { where: { status: "pending" } } } },
} satisfies Prisma.WebhookSelect;

type WebhookRow = Prisma.WebhookGetPayload<{ select: typeof WEBHOOK_SELECT }>;

function toWebhookView(row: WebhookRow, now: Date): WebhookView {
  const [last] = row.deliveries;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    allowPrivateNetwork: row.allowPrivateNetwork,
    cohort: row.cohort ? { id: row.cohort.id, name: row.cohort.name, archived: row.cohort.archivedAt !== null } : null,
    state: row.active ? "active" : row.disabledAt ? "switched_off" : "paused",
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    previousSecretUntil: row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last ? { status: last.status, at: last.lastAttemptAt!.toISOString(), statusCode: last.lastStatusCode } : null,
    pendingDeliveries: row._count.deliveries,
  };
}

/** Every hook, oldest first, with its last attempted delivery and how many wait (Admin → Webhooks). */
export async function listWebhooks(now: Date): Promise<WebhookView[]> {
  const rows = await db.webhook.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: WEBHOOK_SELECT });
  return rows.map((row) => toWebhookView(row, now));
}

export async function getWebhook(webhookId: string, now: Date): Promise<WebhookView | null> {
  const row = await db.webhook.findUnique({ where: { id: webhookId }, select: WEBHOOK_SELECT });
  return row ? toWebhookView(row, now) : null;
}

/**
 * Every cohort of the instance for the form's "Cohort" select: running ones by name, then archived ones by name (a
 * hook may already be limited to one that has since been archived). Admin → Users' list has running cohorts only,
 * and importing it here would close a cycle between features (users reaches webhooks through reviews).
 */
export async function listCohortOptions(): Promise<WebhookCohortOption[]> {
  const rows = await db.cohort.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, archivedAt: true } });
  const options = rows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null }));
  return [...options.filter((option) => !option.archived), ...options.filter((option) => option.archived)];
}

/** Whether a cohort a hook is to be limited to exists, archived or not. */
export async function cohortExists(cohortId: string): Promise<boolean> {
  return (await db.cohort.count({ where: { id: cohortId } })) > 0;
}

/** One page of a hook's deliveries, newest first, keyset on (created_at, id). */
export async function listDeliveries(webhookId: string, cursor: KeysetCursor | null, limit: number): Promise<{ deliveries: DeliveryView[]; next: string | null }> {
  const rows = await db.webhookDelivery.findMany({
    where: {
      webhookId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: DELIVERY_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { deliveries: page.map(toDeliveryView), next: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryView | null> {
  const row = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, select: DELIVERY_SELECT });
  return row ? toDeliveryView(row) : null;
}
