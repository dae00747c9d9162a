"use client";

import { KeyRound } from "@/components/ui/icons/key-round";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogCancel,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";
import { createPasswordResetLinkAction } from "@/lib/features/users/actions";
import { OneTimeValue } from "@/components/ui/one-time-value";
import { RESET_LINK_TTL_HOURS } from "@/lib/features/users/constants";
import type { UserRow } from "@/lib/features/users/types";

// The admin actions' confirmations, loaded when one is first opened (decision 023): Radix's dialog stays off the
// users page's first load.

/** A refusal inside a dialog, announced when it appears. */
function DialogError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
      {message}
    </p>
  );
}

export function ConfirmDialog({
  title,
  description,
  confirm,
  danger = false,
  run,
  done,
  onOpenChange,
}: {
  title: string;
  description: ReactNode;
  confirm: string;
  danger?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  done: { title: string; description: string };
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const { pending, run: call, alert: error } = useAction({ unreachable: "Cairn could not be reached. Nothing changed; try again.", say: "alert", fields: false });
  async function go() {
    const result = await call(run);
    if (!result?.ok) return;
    onOpenChange(false);
    toast({ ...done, variant: "success" });
    router.refresh();
  }
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogError message={error} />
        <DialogFooter>
          <DialogCancel />
          <Button type="button" variant={danger ? "danger" : "primary"} loading={pending} onClick={go}>
            {confirm}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Creates the link when opened; shows it once with a copy button. */
export function ResetLinkDialog({ user, onOpenChange }: { user: UserRow; onOpenChange: (open: boolean) => void }) {
  const [link, setLink] = useState<string | null>(null);
  const { pending, run, alert: error } = useAction({ unreachable: "Cairn could not be reached. No link was created; try again.", say: "alert", fields: false });

  async function create() {
    const result = await run(() => createPasswordResetLinkAction({ userId: user.id }));
    if (result?.ok) setLink(`${window.location.origin}/reset-password/${result.data.token}`);
  }

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Password reset link for {user.name}</DialogTitle>
          <DialogDescription>
            {link
              ? `Give this link to ${user.name} yourself. It works once, for ${RESET_LINK_TTL_HOURS} hours; setting a new password signs them out everywhere.`
              : `The link lets ${user.name} choose a new password. It works once, for ${RESET_LINK_TTL_HOURS} hours, and replaces any earlier link you created for them.`}
          </DialogDescription>
        </DialogHeader>
        <DialogError message={error} />
        {link ? (
          <OneTimeValue value={link} label="Reset link" hint="Copy it now: Cairn keeps only a fingerprint of it and cannot show it again." copyLabel="Copy link" noun="link" />
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant={link ? "primary" : "ghost"}>
              {link ? "Done" : "Cancel"}
            </Button>
          </DialogClose>
          {link ? null : (
            <Button type="button" loading={pending} onClick={create}>
              {pending ? null : <KeyRound aria-hidden />}
              Create reset link
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
