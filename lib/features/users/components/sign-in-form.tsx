"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import {
  LOGIN_DEACTIVATED,
  LOGIN_DEACTIVATED_MESSAGE,
  LOGIN_RATE_LIMITED,
  LOGIN_RATE_LIMITED_MESSAGE,
  LOGIN_SSO_ONLY,
  LOGIN_SSO_ONLY_MESSAGE,
  LOGIN_UNAVAILABLE,
  LOGIN_UNAVAILABLE_MESSAGE,
} from "@/lib/auth/constants";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { safeRedirectPath } from "@/lib/redirects";
import { signInWithPassword } from "@/lib/auth/client";

/**
 * `callbackUrl` is where to go after signing in; it is checked again here, as any redirect target from input is.
 * `initialError` is a refusal the page arrived with (a single sign-on that came back refused).
 */
export function SignInForm({ callbackUrl, initialError = null }: { callbackUrl?: string; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? "")).catch(() => null);
    if (result?.ok) {
      window.location.assign(safeRedirectPath(callbackUrl));
      return;
    }
    setPending(false);
    setError(
      result?.error === LOGIN_RATE_LIMITED
        ? LOGIN_RATE_LIMITED_MESSAGE
        : result?.error === LOGIN_UNAVAILABLE
          ? LOGIN_UNAVAILABLE_MESSAGE
          : result?.error === LOGIN_DEACTIVATED
            ? LOGIN_DEACTIVATED_MESSAGE
            : result?.error === LOGIN_SSO_ONLY
              ? LOGIN_SSO_ONLY_MESSAGE
              : result
                ? "Email or password is incorrect."
                : "Cairn could not be reached. Check your connection and try again.",
    );
  }

  return (
    // POST, so that a click before the page's script has loaded never puts the password in the address bar,
    // the server's logs or the browser's history; the page then simply shows the form again.
    <form method="post" onSubmit={onSubmit} className="grid gap-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
          {error}
        </p>
      ) : null}
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
