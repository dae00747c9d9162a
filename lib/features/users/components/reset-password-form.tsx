"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
  const [errors, setErrors] = useState<string[] | undefined>(undefined);
  const [alert, setAlert] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setAlert(null);
    const result = await resetPasswordAction({ token, password }).catch(() => null);
    if (result?.ok) {
      router.push("/login?reset=done");
      return;
    }
    setPending(false);
    if (!result) return setAlert("Cairn could not be reached. Your password was not changed; try again.");
    if (result.code === "NOT_FOUND") return setInvalid(true);
    setErrors(result.fieldErrors?.password);
    if (!result.fieldErrors?.password) setAlert(result.error);
  }

  if (invalid) return <Alert>{`${RESET_INVALID_MESSAGE}.`}</Alert>;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Set a new password">
      {alert ? <Alert>{alert}</Alert> : null}
      <Field label="New password" hint={PASSWORD_HINT} errors={errors}>
        <Input name="password" type="password" autoComplete="new-password" required autoFocus />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
