"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signInWithProvider } from "@/lib/auth/client";
import { startInviteSsoAction } from "@/lib/features/sso/actions";

type Props = {
  providers: { id: string; name: string }[];
  /** Where to go once signed in; next-auth checks it again through the redirect callback. */
  callbackUrl: string;
  /** On an invite page: the invite the sign-in redeems for a new account. */
  inviteToken?: string;
  /** A refusal to show when the password form, which has its own error area, is not on the page. */
  error?: string | null;
};

const UNREACHABLE = "Cairn could not be reached. Check your connection and try again.";

/** "Continue with <provider>" for each configured single sign-on provider. */
export function SsoButtons({ providers, callbackUrl, inviteToken, error: initialError = null }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(initialError);

  async function start(providerId: string) {
    setPending(providerId);
    setError(null);
    try {
      if (inviteToken) {
        const answer = await startInviteSsoAction({ token: inviteToken });
        if (!answer.ok) {
          setError(answer.error);
          setPending(null);
          return;
        }
      }
      await signInWithProvider(providerId, callbackUrl);
    } catch {
      setError(UNREACHABLE);
      setPending(null);
    }
  }

  return (
    <div className="grid gap-2">
      {error ? (
        <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
          {error}
        </p>
      ) : null}
      {providers.map((provider) => (
        <Button
          key={provider.id}
          type="button"
          variant="secondary"
          className="w-full"
          loading={pending === provider.id}
          disabled={pending !== null}
          onClick={() => start(provider.id)}
        >
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}
