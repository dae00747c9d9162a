"use client";

import { Send } from "@/components/ui/icons/send";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { redeliverWebhookAction, sendTestWebhookAction, setWebhookPausedAction } from "@/lib/features/webhooks/actions";
import type { WebhookFormValues } from "@/lib/features/webhooks/components/webhook-form";
import type { DeliveryView, WebhookCohortOption, WebhookState } from "@/lib/features/webhooks/types";

// The form and the confirmations load when first opened (decision 027).
const WebhookForm = lazy(() => import("@/lib/features/webhooks/components/webhook-form").then((module) => ({ default: module.WebhookForm })));
const RotateSecretDialog = lazy(() =>
  import("@/lib/features/webhooks/components/webhook-dialogs").then((module) => ({ default: module.RotateSecretDialog })),
);
const DeleteWebhookDialog = lazy(() =>
  import("@/lib/features/webhooks/components/webhook-dialogs").then((module) => ({ default: module.DeleteWebhookDialog })),
);

/** "Pause", "Resume" or "Turn on again" (the label says which). */
export function SetPausedButton({ webhookId, paused, label }: { webhookId: string; paused: boolean; label: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. Nothing changed; try again." });
  async function toggle() {
    const result = await run(() => setWebhookPausedAction({ webhookId, paused }));
    if (!result?.ok) return;
    toast({ title: paused ? "Webhook paused" : "Webhook on", description: paused ? "Events wait until you resume it." : "Waiting deliveries go out now.", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" size="sm" variant={paused ? "secondary" : "primary"} loading={pending} onClick={toggle}>
      {label}
    </Button>
  );
}

/** "Redeliver" in the log: the same payload again, as a new delivery sent by the next sweep. */
export function RedeliverButton({ deliveryId, event }: { deliveryId: string; event: string }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. Nothing was queued; try again." });
  async function redeliver() {
    const result = await run(() => redeliverWebhookAction({ deliveryId }));
    if (!result?.ok) return;
    toast({ title: "Redelivery queued", description: "It goes out within a minute and shows at the top of the log.", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" size="sm" variant="secondary" loading={pending} onClick={redeliver} aria-label={`Redeliver ${event}`}>
      Redeliver
    </Button>
  );
}

/** A hook's page: "Send test" with its result, "Edit", "Pause"/"Resume", "Rotate secret" and "Delete". */
export function WebhookControls({
  webhookId,
  state,
  values,
  cohorts,
}: {
  webhookId: string;
  state: WebhookState;
  values: WebhookFormValues;
  cohorts: WebhookCohortOption[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState<"edit" | "rotate" | "delete" | null>(null);
  const [tested, setTested] = useState<DeliveryView | null>(null);
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached. No test was sent; try again." });

  async function sendTest() {
    setTested(null);
    const result = await run(() => sendTestWebhookAction({ webhookId }));
    if (!result?.ok) return;
    setTested(result.data);
    router.refresh();
  }

  const close = () => setOpen(null);
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" loading={pending} onClick={sendTest}>
          <Send aria-hidden />
          Send test
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(open === "edit" ? null : "edit")} aria-expanded={open === "edit"}>
          Edit
        </Button>
        {state === "active" ? <SetPausedButton webhookId={webhookId} paused label="Pause" /> : null}
        {state === "paused" ? <SetPausedButton webhookId={webhookId} paused={false} label="Resume" /> : null}
        <Button type="button" size="sm" variant="secondary" onClick={() => setOpen("rotate")}>
          Rotate secret
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => setOpen("delete")}>
          Delete
        </Button>
      </div>
      {tested ? (
        <p role="status" className="text-sm">
          {tested.status === "succeeded"
            ? `Test delivered: the receiver answered ${tested.lastStatusCode} in ${tested.lastDurationMs} ms.`
            : `Test failed: ${tested.lastError ?? "no answer"}`}
        </p>
      ) : null}
      <Suspense fallback={open === "edit" ? <p className="text-sm text-muted-foreground">Loading the form…</p> : null}>
        {open === "edit" ? <WebhookForm webhookId={webhookId} initial={values} cohorts={cohorts} onClose={close} /> : null}
        {open === "rotate" ? <RotateSecretDialog webhookId={webhookId} url={values.url} onOpenChange={(next) => !next && close()} /> : null}
        {open === "delete" ? <DeleteWebhookDialog webhookId={webhookId} url={values.url} onOpenChange={(next) => !next && close()} /> : null}
      </Suspense>
    </div>
  );
}
