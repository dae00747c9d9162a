"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { joinCohortAction } from "@/lib/features/invites/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { safeRedirectPath } from "@/lib/redirects";

/** Signed in: join with the current account, or sign out to accept with another one. */
export function JoinCohortButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; home: string } | null>(null);

  function join() {
    setError(null);
    startTransition(async () => {
      const result = await joinCohortAction({ token }).catch(() => null);
      if (!result) return setError("Cairn could not be reached; try again.");
      if (!result.ok) {
        return setError(result.code === "NOT_FOUND" ? `${INVITE_INVALID_MESSAGE}. Ask your mentor for a new link.` : result.error);
      }
      const home = safeRedirectPath(result.data.home);
      // Already a member with another role: the link changed nothing, and they should read why before moving on.
      if (result.data.notice) return setNotice({ text: result.data.notice, home });
      router.push(home);
    });
  }

  if (notice) {
    return (
      <div className="grid gap-3">
        <FormAlert tone="warning">{notice.text}</FormAlert>
        <Button asChild className="w-full">
          <Link href={notice.home}>Go to Cairn</Link>
        </Button>
      </div>
    );
  }

  return (
    <div className="grid gap-3">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button type="button" loading={pending} onClick={join} className="w-full">
        {label}
      </Button>
      <Button
        type="button"
        variant="link"
        className="justify-self-center text-sm"
        onClick={() => signOut({ callbackUrl: `/invite/${token}` })}
      >
        Not you? Sign out
      </Button>
    </div>
  );
}
