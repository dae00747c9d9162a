"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Table, TBody, TD, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { saveNotificationPreferencesAction } from "@/lib/features/notifications/actions";
import { PREFERENCES_SAVED } from "@/lib/features/notifications/constants";
import type { NotificationChoice, NotificationPreference } from "@/lib/features/notifications/types";

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
 * Settings → Notifications: an in-app and an e-mail switch per type that can reach the person. The e-mail column is
 * shown but disabled until the instance has mail (SMTP_URL); its choices are kept for when it does. Labels and hints
 * come from the server, so their text is not part of the page's JavaScript.
 */
export function NotificationPreferencesForm({ initial, mailConfigured }: { initial: NotificationChoice[]; mailConfigured: boolean }) {
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
    const result = await run(() =>
      saveNotificationPreferencesAction({ preferences: preferences.map(({ type, inApp, email }) => ({ type, inApp, email })) }),
    );
    if (!result?.ok) return;
    const saved = new Map(result.data.map((row) => [row.type, row]));
    setPreferences((current) => current.map((row) => ({ ...row, ...saved.get(row.type) })));
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
                <span className="block font-medium text-foreground">{row.label}</span>
                <span className="block text-xs text-muted-foreground">{row.hint}</span>
              </th>
              <ChoiceCell label={`${row.label}: in-app`} checked={row.inApp} onChange={(inApp) => set(row.type, { inApp })} />
              <ChoiceCell
                label={`${row.label}: e-mail`}
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
