import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { parseCursor } from "@/lib/cursor";
import { isUuid } from "@/lib/ids";
import { DELIVERIES_PAGE_SIZE } from "@/lib/features/webhooks/constants";
import { getWebhook, listCohortOptions, listDeliveries, listWebhooks } from "@/lib/features/webhooks/data";
import type { AdminWebhooksPage, WebhookPage } from "@/lib/features/webhooks/types";

/** Admin → Webhooks. Anyone else gets the 404 every admin page gives. */
export const loadAdminWebhooks = cache(async (viewer: Viewer, now: Date = new Date()): Promise<AdminWebhooksPage> => {
  adminOnly(viewer);
  const [webhooks, cohorts] = await Promise.all([listWebhooks(now), listCohortOptions()]);
  return { webhooks, cohorts };
});

/** Admin → Webhooks → one hook and a page of its delivery log; `cursor` from the "Older" link (ignored if bad). */
export const loadAdminWebhook = cache(async (viewer: Viewer, webhookId: string, cursor?: string, now: Date = new Date()): Promise<WebhookPage> => {
  adminOnly(viewer);
  if (!isUuid(webhookId)) notFound();
  const webhook = await getWebhook(webhookId, now);
  if (!webhook) notFound();
  const [{ deliveries, next }, cohorts] = await Promise.all([
    listDeliveries(webhookId, cursor ? parseCursor(cursor) : null, DELIVERIES_PAGE_SIZE),
    listCohortOptions(),
  ]);
  return { webhook, deliveries, next, cohorts };
});
