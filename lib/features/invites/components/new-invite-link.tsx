"use client";

import { OneTimeValue } from "@/components/ui/one-time-value";

/** The link, shown once: only its hash is stored, so it cannot be shown again. */
export function NewInviteLink({ url, onDone }: { url: string; onDone: () => void }) {
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
