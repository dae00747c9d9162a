"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogCancel,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { deleteWebhookAction, rotateWebhookSecretAction } from "@/lib/features/webhooks/actions";
import { OneTimeSecret } from "@/lib/features/webhooks/components/one-time-secret";
import { PREVIOUS_SECRET_HOURS } from "@/lib/features/webhooks/constants";

type DialogProps = { webhookId: string; url: string; onOpenChange: (open: boolean) => void };

/** "Rotate secret?": a new secret, shown once here; the old one keeps signing alongside it for a day. */
export function RotateSecretDialog({ webhookId, url, onOpenChange }: DialogProps) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, run, alert } = useAction({ unreachable: "Cairn could not be reached. The secret is unchanged; try again.", say: "alert", fields: false });

  async function rotate() {
    const result = await run(() => rotateWebhookSecretAction({ webhookId }));
    if (!result?.ok) return;
    setSecret(result.data.secret);
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{secret ? "New signing secret" : "Rotate the signing secret?"}</DialogTitle>
          <DialogDescription>
            Deliveries to {url} carry signatures made with both the old and the new secret for {PREVIOUS_SECRET_HOURS} hours, then only
            with the new one. Put the new secret into the receiver within that time.
          </DialogDescription>
        </DialogHeader>
        {alert ? <FormAlert>{alert}</FormAlert> : null}
        {secret ? (
          <OneTimeSecret secret={secret} onDone={() => onOpenChange(false)} />
        ) : (
          <DialogFooter>
            <DialogCancel />
            <Button type="button" loading={pending} onClick={rotate}>
              Rotate secret
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** "Delete webhook?": the hook and its delivery log go; waiting deliveries are never sent. */
export function DeleteWebhookDialog({ webhookId, url, onOpenChange }: DialogProps) {
  const router = useRouter();
  const { pending, run, alert } = useAction({ unreachable: "Cairn could not be reached. The webhook is still there; try again.", say: "alert", fields: false });

  async function remove() {
    const result = await run(() => deleteWebhookAction({ webhookId }));
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ title: "Webhook deleted", description: `Nothing more is sent to ${url}.`, variant: "success" });
    router.push("/admin/webhooks");
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this webhook?</DialogTitle>
          <DialogDescription>
            Cairn stops sending events to {url}, deliveries still waiting are dropped, and its delivery log is deleted. This cannot be
            undone.
          </DialogDescription>
        </DialogHeader>
        {alert ? <FormAlert>{alert}</FormAlert> : null}
        <DialogFooter>
          <DialogCancel />
          <Button type="button" variant="danger" loading={pending} onClick={remove}>
            Delete webhook
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
