import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Section } from "@/components/ui/section";
import { requireAdmin } from "@/lib/auth/viewer";
import { formatMoment } from "@/lib/calendar-zones";
import { DeliveryLog } from "@/lib/features/webhooks/components/delivery-log";
import { SetPausedButton, WebhookControls } from "@/lib/features/webhooks/components/webhook-controls";
import { WebhookStateBadge } from "@/lib/features/webhooks/components/webhook-table";
import { loadAdminWebhook } from "@/lib/features/webhooks/loaders";
import { cohortLabel } from "@/lib/features/webhooks/utils";

export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ webhookId: string }>; searchParams: Promise<{ before?: string | string[] }> };

export default async function AdminWebhookPage({ params, searchParams }: Props) {
  const viewer = await requireAdmin();
  const [{ webhookId }, { before }] = await Promise.all([params, searchParams]);
  const now = new Date();
  const zone = viewer.timeZone ?? "UTC";
  const { webhook, deliveries, next, cohorts } = await loadAdminWebhook(viewer, webhookId, typeof before === "string" ? before : undefined, now);
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/admin" className="hover:underline">Admin</Link> ·{" "}
            <Link href="/admin/webhooks" className="hover:underline">Webhooks</Link>
          </>
        }
        title={webhook.description || "Webhook"}
        description={<span className="font-mono text-xs break-all">{webhook.url}</span>}
      />
      <div className="grid gap-6">
        {webhook.state === "switched_off" ? (
          <div role="alert" className="grid gap-2 rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
            <p>
              {webhook.disabledReason ?? "Switched off after repeated failed deliveries."}
              {webhook.disabledAt ? ` (${formatMoment(webhook.disabledAt, zone)})` : ""} Its waiting deliveries are kept and go out when you turn it
              on again.
            </p>
            <div>
              <SetPausedButton webhookId={webhook.id} paused={false} label="Turn on again" />
            </div>
          </div>
        ) : null}
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">State</dt>
          <dd>
            <WebhookStateBadge state={webhook.state} />
          </dd>
          <dt className="text-muted-foreground">Cohort</dt>
          <dd>{cohortLabel(webhook.cohort)}</dd>
          <dt className="text-muted-foreground">Events</dt>
          <dd className="font-mono text-xs">{webhook.events.join(", ")}</dd>
          <dt className="text-muted-foreground">Private network</dt>
          <dd>{webhook.allowPrivateNetwork ? "Allowed" : "Refused"}</dd>
          {webhook.previousSecretUntil ? (
            <>
              <dt className="text-muted-foreground">Previous secret</dt>
              <dd>Still signs until {formatMoment(webhook.previousSecretUntil, zone)}</dd>
            </>
          ) : null}
        </dl>
        <WebhookControls
          webhookId={webhook.id}
          state={webhook.state}
          values={{
            url: webhook.url,
            description: webhook.description,
            cohortId: webhook.cohort?.id ?? "",
            events: webhook.events,
            allowPrivateNetwork: webhook.allowPrivateNetwork,
          }}
          cohorts={cohorts}
        />
        <Section id="deliveries-heading" title="Deliveries">
          {deliveries.length === 0 ? (
            <p className="text-sm text-muted-foreground">No deliveries yet. “Send test” sends one now.</p>
          ) : (
            <div className="grid gap-3">
              <DeliveryLog deliveries={deliveries} now={now} zone={zone} />
              <div className="flex gap-3 text-sm">
                {before ? <Link href={`/admin/webhooks/${webhook.id}`} className="text-accent hover:underline">Newest</Link> : null}
                {next ? (
                  <Link href={`/admin/webhooks/${webhook.id}?before=${encodeURIComponent(next)}`} className="text-accent hover:underline">
                    Older
                  </Link>
                ) : null}
              </div>
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
