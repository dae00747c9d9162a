import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import type { WebhookState, WebhookView } from "@/lib/features/webhooks/types";
import { cohortLabel, DELIVERY_STATUS_LABELS, momentText, STATE_LABELS } from "@/lib/features/webhooks/utils";

const STATE_VARIANTS: Record<WebhookState, "success" | "neutral" | "danger"> = { active: "success", paused: "neutral", switched_off: "danger" };

export function WebhookStateBadge({ state }: { state: WebhookState }) {
  return <Badge variant={STATE_VARIANTS[state]}>{STATE_LABELS[state]}</Badge>;
}

/** Admin → Webhooks: every hook with its cohort, events, state and last delivery; the URL opens its page and log. */
export function WebhookTable({ webhooks, now, zone }: { webhooks: WebhookView[]; now: Date; zone: string }) {
  return (
    <Table aria-label="Webhooks" columns={["Receiver", "Cohort", "Events", "State", "Last delivery"]}>
      <TBody>
        {webhooks.map((webhook) => {
          const last = webhook.lastDelivery;
          const when = last ? momentText(last.at, now, zone) : null;
          return (
            <TR key={webhook.id}>
              <TD className="max-w-96">
                <Link href={`/admin/webhooks/${webhook.id}`} className="font-mono text-xs break-all text-accent hover:underline">
                  {webhook.url}
                </Link>
                {webhook.description ? <p className="text-sm">{webhook.description}</p> : null}
              </TD>
              <TD className={webhook.cohort ? undefined : "text-muted-foreground"}>{cohortLabel(webhook.cohort)}</TD>
              <TD>
                <span className="flex flex-wrap gap-1">
                  {webhook.events.map((event) => (
                    <Badge key={event} variant="outline">
                      {event}
                    </Badge>
                  ))}
                </span>
              </TD>
              <TD>
                <WebhookStateBadge state={webhook.state} />
              </TD>
              <TD>
                {last && when ? (
                  <span title={when.title}>
                    {DELIVERY_STATUS_LABELS[last.status]}
                    {last.statusCode ? ` (${last.statusCode})` : ""}, {when.text}
                  </span>
                ) : (
                  "None yet"
                )}
                {webhook.pendingDeliveries > 0 ? <p className="text-xs text-muted-foreground">{webhook.pendingDeliveries} waiting</p> : null}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
