"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/use-action";
import { requestPasswordResetAction } from "@/lib/features/users/actions";

/** /forgot-password: one field; the answer replaces the form and reads the same whether the account exists or not. */
export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: "Cairn could not be reached. No e-mail was sent; try again.",
    say: "alert",
    fields: ["email"],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    const result = await run(() => requestPasswordResetAction({ email }));
    if (result?.ok) setSent(result.data.message);
  }

  if (sent) {
    return (
      <p role="status" className="rounded-md border border-status-success-border bg-status-success-subtle px-3 py-2 text-sm text-status-success-fg">
        {sent}
      </p>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Reset your password">
      {alert ? (
        <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
          {alert}
        </p>
      ) : null}
      <Field label="Email" errors={fieldErrors.email}>
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
