import { formatMoment, formatRelativeTime } from "@/lib/calendar";
import type { DeliveryStatusName, WebhookState } from "@/lib/features/webhooks/types";

export const STATE_LABELS: Record<WebhookState, string> = {
  active: "Active",
  paused: "Paused",
  switched_off: "Switched off after failures",
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatusName, string> = {
  pending: "Waiting",
  succeeded: "Delivered",
  failed: "Failed",
};

/** "3 minutes ago" with the exact moment in `zone` for a tooltip. */
export function momentText(iso: string, now: Date, zone: string): { text: string; title: string } {
  const date = new Date(iso);
  return { text: formatRelativeTime(date, now), title: formatMoment(date, zone, { named: true }) };
}

/** When a waiting delivery is tried next: "now" once it is due. */
export function nextAttemptText(iso: string | null, now: Date, zone: string): string {
  if (iso === null) return "—";
  const date = new Date(iso);
  return date <= now ? "Now" : formatMoment(date, zone);
}
