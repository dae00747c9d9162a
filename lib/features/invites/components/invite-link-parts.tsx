"use client";

import { Link2 } from "@/components/ui/icons/link-2";
import { Link2Off } from "@/components/ui/icons/link-2-off";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OneTimeValue } from "@/components/ui/one-time-value";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";

// What the cohort's invite panel and Admin → Users → Invite links share, apart from the cohort panel itself so the
// admin page does not load it.

/** The link, shown once: only its hash is stored, so it cannot be shown again. */
export function NewLink({ url, onDone }: { url: string; onDone: () => void }) {
  return (
    <OneTimeValue
      value={url}
      label="Invite link"
      hint="Copy it now: for safety Cairn keeps only a fingerprint of it and cannot show it again."
      copyLabel="Copy link"
      noun="link"
      onDone={onDone}
    />
  );
}

/** The invite forms' submit button; the icon gives way to the spinner while the link is made. */
export function CreateLinkButton({ pending, variant }: { pending: boolean; variant?: "secondary" }) {
  return (
    <div>
      <Button type="submit" variant={variant} loading={pending}>
        {pending ? null : <Link2 aria-hidden />}
        Create invite link
      </Button>
    </div>
  );
}

/** "Create invite link": pending state, field errors, a form-level alert, and the new link, shown once. */
export function useInviteCreation() {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const { pending, run, fieldErrors: errors, alert } = useAction({ unreachable: "Cairn could not be reached. No link was created; try again.", say: "alert" });

  async function create(call: () => Promise<ActionResult<{ token: string }>>) {
    const result = await run(call);
    if (!result?.ok) return;
    setCreated(`${window.location.origin}/invite/${result.data.token}`);
    router.refresh();
  }

  return { errors, alert, pending, created, setCreated, create };
}

/** "Revoke" for one invite link; the caller names the link and says what revoking stops. */
export function RevokeInviteButton({ label, afterwards, revoke }: { label: string; afterwards: string; revoke: () => Promise<ActionResult> }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; try again.", say: { toast: "The link was not revoked" }, fields: false });
  async function onClick() {
    const result = await run(revoke);
    if (!result?.ok) return;
    toast({ title: "Invite link revoked", description: afterwards, variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" variant="ghost" size="sm" loading={pending} onClick={onClick} aria-label={label}>
      {pending ? null : <Link2Off aria-hidden />}
      Revoke
    </Button>
  );
}
