import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { RedeliverButton } from "@/lib/features/webhooks/components/webhook-controls";
import type { DeliveryStatusName, DeliveryView } from "@/lib/features/webhooks/types";
import { DELIVERY_STATUS_LABELS, momentText, nextAttemptText } from "@/lib/features/webhooks/utils";

const STATUS_VARIANTS: Record<DeliveryStatusName, "success" | "warning" | "danger"> = { succeeded: "success", pending: "warning", failed: "danger" };

/**
 * A hook's deliveries, newest first. The receiver's answer is rendered as text (React escapes it), in a <pre> so its
 * shape stays readable; "Redeliver" on each.
 */
export function DeliveryLog({ deliveries, now, zone }: { deliveries: DeliveryView[]; now: Date; zone: string }) {
  return (
    <Table aria-label="Deliveries" columns={["Event", "Status", "HTTP", "Duration", "Attempts", "Next attempt", "Answer", { label: "Actions", hidden: true }]}>
      <TBody>
        {deliveries.map((delivery) => {
          const created = momentText(delivery.createdAt, now, zone);
          return (
            <TR key={delivery.id}>
              <TD>
                <p className="font-mono text-xs">{delivery.event}</p>
                <p className="text-xs text-muted-foreground" title={created.title}>
                  {created.text}
                </p>
              </TD>
              <TD>
                <Badge variant={STATUS_VARIANTS[delivery.status]}>{DELIVERY_STATUS_LABELS[delivery.status]}</Badge>
              </TD>
              <TD className="tabular-nums">{delivery.lastStatusCode ?? "—"}</TD>
              <TD className="tabular-nums whitespace-nowrap">{delivery.lastDurationMs === null ? "—" : `${delivery.lastDurationMs} ms`}</TD>
              <TD className="tabular-nums">{delivery.attempts}</TD>
              <TD className="whitespace-nowrap">{nextAttemptText(delivery.nextAttemptAt, now, zone)}</TD>
              <TD className="max-w-80">
                {delivery.lastError ? <p className="text-sm text-status-danger-fg">{delivery.lastError}</p> : null}
                {delivery.lastResponse ? (
                  <pre className="max-h-24 overflow-auto font-mono text-xs break-all whitespace-pre-wrap">{delivery.lastResponse}</pre>
                ) : null}
              </TD>
              <TD className="text-right">
                <RedeliverButton deliveryId={delivery.id} event={delivery.event} />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
