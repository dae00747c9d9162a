"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";
import { EMAIL_INVITE_EXPIRY_DAYS, EMAIL_INVITES_MAX } from "@/lib/features/invites/constants";
import { plural } from "@/lib/plural";

/**
 * "Invite by e-mail" on a cohort's Members page and on Admin → Users: the addresses and "Send invites", around the
 * fields that say what the invites are for (`children`, given the field errors). `send` gets the addresses as typed.
 * `icon` is the button's, drawn by the server (decision 044).
 */
export function EmailInvites({
  send,
  icon,
  children,
}: {
  send: (emails: string) => Promise<ActionResult<{ sent: number }>>;
  icon: ReactNode;
  children: (fieldErrors: Record<string, string[]>) => ReactNode;
}) {
  const router = useRouter();
  const [emails, setEmails] = useState("");
  const { pending, run, fieldErrors, alert } = useAction({ unreachable: "Cairn could not be reached. No invites were sent; try again.", say: "alert" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => send(emails));
    if (!result?.ok) return;
    toast({
      title: `${plural(result.data.sent, "invite")} on the way`,
      description: `Each link works once, for ${EMAIL_INVITE_EXPIRY_DAYS} days. They show under Invite links.`,
      variant: "success",
    });
    setEmails("");
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Invite by e-mail">
      {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
      <Field
        label="E-mail addresses"
        hint={`Up to ${EMAIL_INVITES_MAX}, separated by commas or new lines. Each gets a link that works once, for ${EMAIL_INVITE_EXPIRY_DAYS} days.`}
        errors={errorsFor(fieldErrors, "emails")}
      >
        <Textarea name="emails" rows={3} value={emails} onChange={(event) => setEmails(event.target.value)} autoComplete="off" />
      </Field>
      <div className="flex flex-wrap items-start gap-3">{children(fieldErrors)}</div>
      <div>
        <Button type="submit" variant="secondary" loading={pending}>
          {pending ? null : icon}
          Send invites
        </Button>
      </div>
    </form>
  );
}
