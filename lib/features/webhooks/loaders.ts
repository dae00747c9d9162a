import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { parseCursor } from "@/lib/cursor";
import { isUuid } from "@/lib/ids";
import { DELIVERIES_PAGE_SIZE } from "@/lib/features/webhooks/constants";
import { getWebhook, listDeliveries, listWebhooks } from "@/lib/features/webhooks/data";
import type { WebhookPage, WebhookView } from "@/lib/features/webhooks/types";

/** Admin → Webhooks. Anyone else gets the 404 every admin page gives. */
export const loadAdminWebhooks = cache(async (viewer: Viewer, now: Date = new Date()): Promise<WebhookView[]> => {
  adminOnly(viewer);
  return listWebhooks(now);
});

/** Admin → Webhooks → one hook and a page of its delivery log; `cursor` from the "Older" link (ignored if bad). */
export const loadAdminWebhook = cache(async (viewer: Viewer, webhookId: string, cursor?: string, now: Date = new Date()): Promise<WebhookPage> => {
  adminOnly(viewer);
  if (!isUuid(webhookId)) notFound();
  const webhook = await getWebhook(webhookId, now);
  if (!webhook) notFound();
  const { deliveries, next } = await listDeliveries(webhookId, cursor ? parseCursor(cursor) : null, DELIVERIES_PAGE_SIZE);
  return { webhook, deliveries, next };
});
