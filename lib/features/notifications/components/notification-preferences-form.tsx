"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { saveNotificationPreferencesAction } from "@/lib/features/notifications/actions";
import { PREFERENCES_SAVED, TYPE_HINTS, TYPE_LABELS } from "@/lib/features/notifications/constants";
import type { NotificationPreference } from "@/lib/features/notifications/types";

const CHECKBOX = "size-4 accent-[var(--color-accent)] disabled:cursor-not-allowed";

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
      <Table columns={["Notification", "In-app", mailConfigured ? "E-mail" : "E-mail (when mail is configured)"]}>
        <TBody>
          {preferences.map((row) => (
            <TR key={row.type}>
              <th scope="row" className="border-b border-border px-3 py-2 text-left align-middle font-normal">
                <span className="block font-medium text-foreground">{TYPE_LABELS[row.type]}</span>
                <span className="block text-xs text-muted-foreground">{TYPE_HINTS[row.type]}</span>
              </th>
              <TD>
                <input
                  type="checkbox"
                  className={CHECKBOX}
                  aria-label={`${TYPE_LABELS[row.type]}: in-app`}
                  checked={row.inApp}
                  onChange={(event) => set(row.type, { inApp: event.target.checked })}
                />
              </TD>
              <TD>
                <input
                  type="checkbox"
                  className={CHECKBOX}
                  aria-label={`${TYPE_LABELS[row.type]}: e-mail`}
                  checked={row.email}
                  disabled={!mailConfigured}
                  onChange={(event) => set(row.type, { email: event.target.checked })}
                />
              </TD>
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
