import { formatMoment, formatRelativeTime } from "@/lib/calendar-zones";
import type { DeliveryStatusName, WebhookCohortOption, WebhookState } from "@/lib/features/webhooks/types";

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

/** Which cohort's events a hook gets, as the form's select, the list and the hook's page name it. */
export function cohortLabel(cohort: WebhookCohortOption | null): string {
  if (!cohort) return "Every cohort";
  return cohort.archived ? `${cohort.name} (archived)` : cohort.name;
}

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
