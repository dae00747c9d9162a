"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { createWebhookAction, updateWebhookAction } from "@/lib/features/webhooks/actions";
import { OneTimeSecret } from "@/lib/features/webhooks/components/one-time-secret";
import { INSTANCE_EVENT, WEBHOOK_DESCRIPTION_MAX, WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENTS } from "@/lib/features/webhooks/constants";
import type { WebhookCohortOption } from "@/lib/features/webhooks/types";
import { cohortLabel } from "@/lib/features/webhooks/utils";
import { URL_MAX_LENGTH } from "@/lib/safe-url";

const FIELDS = ["url", "description", "cohortId", "events", "allowPrivateNetwork"] as const;

/** `cohortId` is "" for every cohort. */
export type WebhookFormValues = { url: string; description: string; cohortId: string; events: string[]; allowPrivateNetwork: boolean };

type Props = { webhookId?: string; initial?: WebhookFormValues; cohorts: WebhookCohortOption[]; onClose: () => void };

/**
 * "New webhook" and "Edit": the receiver's address, a description, the cohort, the events and the private-network
 * switch. A new hook's signing secret is shown once in place of the form.
 */
export function WebhookForm({ webhookId, initial, cohorts, onClose }: Props) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: webhookId ? "Cairn could not be reached. Nothing was saved; try again." : "Cairn could not be reached. No webhook was created; try again.",
    say: "alert",
    fields: FIELDS,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      url: String(form.get("url") ?? ""),
      description: String(form.get("description") ?? ""),
      cohortId: String(form.get("cohortId") ?? ""),
      events: form.getAll("events").map(String),
      allowPrivateNetwork: form.get("allowPrivateNetwork") === "on",
    };
    if (webhookId) {
      const result = await run(() => updateWebhookAction({ webhookId, ...values }));
      if (!result?.ok) return;
      toast({ title: "Webhook saved", variant: "success" });
      onClose();
      router.refresh();
      return;
    }
    const result = await run(() => createWebhookAction(values));
    if (!result?.ok) return;
    setSecret(result.data.secret);
    router.refresh();
  }

  if (secret) return <OneTimeSecret secret={secret} onDone={onClose} />;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={webhookId ? "Edit webhook" : "New webhook"} className="grid gap-4 rounded-lg border border-border p-3 sm:p-4">
      {alert ? <FormAlert>{alert}</FormAlert> : null}
      <Field label="Receiver URL" hint="The full http:// or https:// address Cairn sends events to." errors={fieldErrors.url}>
        <Input name="url" type="url" inputMode="url" maxLength={URL_MAX_LENGTH} defaultValue={initial?.url} autoComplete="off" autoFocus required />
      </Field>
      <Field label="Description" optional hint="What it is for, such as “Slack relay”." errors={fieldErrors.description}>
        <Input name="description" maxLength={WEBHOOK_DESCRIPTION_MAX} defaultValue={initial?.description} autoComplete="off" />
      </Field>
      <Field
        label="Cohort"
        hint={`Only this cohort's events are sent. ${INSTANCE_EVENT} belongs to no cohort: it goes only to hooks for every cohort.`}
        errors={fieldErrors.cohortId}
      >
        <Select
          name="cohortId"
          defaultValue={initial?.cohortId ?? ""}
          options={cohorts.map((cohort) => ({ value: cohort.id, label: cohortLabel(cohort) }))}
        >
          <option value="">{cohortLabel(null)}</option>
        </Select>
      </Field>
      <CheckboxGroup
        legend="Events"
        name="events"
        errors={fieldErrors.events}
        options={WEBHOOK_EVENTS.map((event) => ({
          value: event,
          label: event,
          description: WEBHOOK_EVENT_DESCRIPTIONS[event],
          defaultChecked: initial ? initial.events.includes(event) : false,
        }))}
      />
      <div className="grid gap-1">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="allowPrivateNetwork"
            defaultChecked={initial?.allowPrivateNetwork ?? false}
            aria-describedby="webhook-private-warning"
            className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
          />
          Allow private network addresses
        </label>
        <p id="webhook-private-warning" className="text-sm text-status-warning-fg">
          Only for a receiver inside your own network. With this on, deliveries may reach loopback, private and
          link-local addresses — including services on Cairn&apos;s own server.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={pending}>
          {webhookId ? "Save webhook" : "Create webhook"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
