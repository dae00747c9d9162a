"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Table, TBody, TD, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { saveNotificationPreferencesAction } from "@/lib/features/notifications/actions";
import { PREFERENCES_SAVED, TYPE_HINTS, TYPE_LABELS } from "@/lib/features/notifications/constants";
import type { NotificationPreference } from "@/lib/features/notifications/types";

// The table's own header cells never wrap; this one's "(when mail is configured)" must, or phones scroll sideways.
const HEADER = "border-b border-border bg-surface-muted px-3 py-2 text-left align-bottom text-xs font-medium text-muted-foreground";

type ChoiceProps = { label: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void };

function ChoiceCell({ label, checked, disabled, onChange }: ChoiceProps) {
  return (
    <TD>
      <input
        type="checkbox"
        className="size-4 accent-[var(--color-accent)] disabled:cursor-not-allowed"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
    </TD>
  );
}

/**
 * Settings → Notifications: one in-app switch per type. The e-mail column is shown but disabled until the instance
 * has mail (SMTP_URL); its choices are kept for when it does.
 */
export function NotificationPreferencesForm({ initial, mailConfigured }: { initial: NotificationPreference[]; mailConfigured: boolean }) {
  const [preferences, setPreferences] = useState(initial);
  const { pending, run, alert } = useAction({
    unreachable: "Cairn could not be reached. Nothing was saved.",
    say: "alert",
    fields: false,
  });

  function set(type: NotificationPreference["type"], change: Partial<Omit<NotificationPreference, "type">>) {
    setPreferences((current) => current.map((row) => (row.type === type ? { ...row, ...change } : row)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => saveNotificationPreferencesAction({ preferences }));
    if (!result?.ok) return;
    setPreferences(result.data);
    toast({ title: PREFERENCES_SAVED, variant: "success" });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Notification settings">
      {alert ? <FormAlert>{alert}</FormAlert> : null}
      <Table>
        <THead>
          <TR>
            <th scope="col" className={HEADER}>
              Notification
            </th>
            <th scope="col" className={`${HEADER} whitespace-nowrap`}>
              In-app
            </th>
            <th scope="col" className={HEADER}>
              E-mail{mailConfigured ? null : <span className="block font-normal">(when mail is configured)</span>}
            </th>
          </TR>
        </THead>
        <TBody className="[&>tr:last-child>th]:border-b-0">
          {preferences.map((row) => (
            <TR key={row.type}>
              <th scope="row" className="border-b border-border px-3 py-2 text-left align-middle font-normal">
                <span className="block font-medium text-foreground">{TYPE_LABELS[row.type]}</span>
                <span className="block text-xs text-muted-foreground">{TYPE_HINTS[row.type]}</span>
              </th>
              <ChoiceCell label={`${TYPE_LABELS[row.type]}: in-app`} checked={row.inApp} onChange={(inApp) => set(row.type, { inApp })} />
              <ChoiceCell
                label={`${TYPE_LABELS[row.type]}: e-mail`}
                checked={row.email}
                disabled={!mailConfigured}
                onChange={(email) => set(row.type, { email })}
              />
            </TR>
          ))}
        </TBody>
      </Table>
      <div>
        <Button type="submit" size="sm" loading={pending}>
          Save notification settings
        </Button>
      </div>
    </form>
  );
}
