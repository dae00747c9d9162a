"use client";

import { signOut } from "@/lib/auth/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { joinCohortAction } from "@/lib/features/invites/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/use-action";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { safeRedirectPath } from "@/lib/redirects";

/** Signed in: join with the current account, or sign out to accept with another one. */
export function JoinCohortButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const { pending, run, alert: error, setAlert: setError } = useAction({
    unreachable: "Cairn could not be reached; try again.",
    say: "alert",
    fields: false,
    handles: ["NOT_FOUND"],
  });
  const [notice, setNotice] = useState<{ text: string; home: string } | null>(null);

  async function join() {
    const result = await run(() => joinCohortAction({ token }));
    if (result?.ok === false && result.code === "NOT_FOUND") setError(`${INVITE_INVALID_MESSAGE}. Ask your mentor for a new link.`);
    if (!result?.ok) return;
    const home = safeRedirectPath(result.data.home);
    // Already a member with another role: the link changed nothing, and they should read why before moving on.
    if (result.data.notice) return setNotice({ text: result.data.notice, home });
    router.push(home);
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
        onClick={() => signOut(`/invite/${token}`)}
      >
        Not you? Sign out
      </Button>
    </div>
  );
}
