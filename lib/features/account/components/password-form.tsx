"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import { changePasswordAction } from "@/lib/features/account/actions";
import { PASSWORD_CHANGED } from "@/lib/features/account/constants";
import { PASSWORD_HINT } from "@/lib/features/users/constants";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/** Settings → Password: this session stays signed in; every other one is signed out. */
export function PasswordForm() {
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: "Cairn could not be reached. Your password was not changed; try again.",
    say: "alert",
    fields: FIELDS,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const result = await run(() =>
      changePasswordAction(Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]))),
    );
    if (!result?.ok) return;
    formElement.reset();
    toast({ title: PASSWORD_CHANGED, variant: "success" });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Change password">
      {alert ? <FormAlert>{alert}</FormAlert> : null}
      <Field label="Current password" errors={fieldErrors.currentPassword}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" hint={PASSWORD_HINT} errors={fieldErrors.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" required />
      </Field>
      <Field label="Confirm new password" errors={fieldErrors.confirmPassword}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required />
      </Field>
      <div>
        <Button type="submit" size="sm" loading={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
