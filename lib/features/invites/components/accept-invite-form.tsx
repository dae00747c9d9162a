"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { acceptInviteAction } from "@/lib/features/invites/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { safeRedirectPath } from "@/lib/redirects";
import { signInWithPassword } from "@/lib/auth/client";

/** Signed out: create an account, join with the invite's role, then sign in and go to the new home. */
export function AcceptInviteForm({ token }: { token: string }) {
  const [invalid, setInvalid] = useState(false);
  const { pending, run, fieldErrors: errors, alert } = useAction({
    unreachable: "Cairn could not be reached. Your account was not created; try again.",
    say: "alert",
    handles: ["NOT_FOUND"],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const result = await run(() => acceptInviteAction({ token, name: String(form.get("name") ?? ""), email, password }), { leaving: true });
    if (result?.ok === false && result.code === "NOT_FOUND") setInvalid(true);
    if (!result?.ok) return;
    const signedIn = await signInWithPassword(email, password).catch(() => null);
    // The account exists either way; if signing in fails here, the sign-in page takes them on.
    const home = safeRedirectPath(result.data.home);
    window.location.assign(signedIn?.ok ? home : `/login?callbackUrl=${encodeURIComponent(home)}`);
  }

  if (invalid) {
    return (
      <FormAlert>
        {INVITE_INVALID_MESSAGE}. Someone may have used the last place, or it was revoked. Ask your mentor for a new link.
      </FormAlert>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Create your account">
      {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
      <Field label="Name" errors={errorsFor(errors, "name")}>
        <Input name="name" autoComplete="name" required autoFocus />
      </Field>
      <Field label="Email" errors={errorsFor(errors, "email")}>
        <Input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" hint="At least 8 characters. A long passphrase is easiest to remember." errors={errorsFor(errors, "password")}>
        <Input name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
