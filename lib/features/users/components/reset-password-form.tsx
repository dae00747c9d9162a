"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/use-action";
import { resetPasswordAction } from "@/lib/features/users/actions";
import { PASSWORD_HINT, RESET_INVALID_MESSAGE } from "@/lib/features/users/constants";

function Alert({ children }: { children: string }) {
  return (
    <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
      {children}
    </p>
  );
}

/** /reset-password/[token]: one field under the password policy; success goes to sign-in with a message. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [invalid, setInvalid] = useState(false);
  const { pending, run, fieldErrors, alert } = useAction({
    unreachable: "Cairn could not be reached. Your password was not changed; try again.",
    say: "alert",
    fields: ["password"],
    handles: ["NOT_FOUND"],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const result = await run(() => resetPasswordAction({ token, password }), { leaving: true });
    if (result?.ok) router.push("/login?reset=done");
    else if (result?.code === "NOT_FOUND") setInvalid(true);
  }

  if (invalid) return <Alert>{`${RESET_INVALID_MESSAGE}.`}</Alert>;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Set a new password">
      {alert ? <Alert>{alert}</Alert> : null}
      <Field label="New password" hint={PASSWORD_HINT} errors={fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required autoFocus />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
