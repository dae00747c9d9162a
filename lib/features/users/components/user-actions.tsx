"use client";

import { KeyRound, ShieldCheck, ShieldOff, UserCheck, UserX } from "lucide-react";
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
import {
  createPasswordResetLinkAction,
  deactivateUserAction,
  reactivateUserAction,
  setAdminAction,
} from "@/lib/features/users/actions";
import { OneTimeLink } from "@/lib/features/users/components/one-time-link";
import { RESET_LINK_TTL_HOURS } from "@/lib/features/users/constants";
import type { UserRow } from "@/lib/features/users/types";

type Dialogs = "grant" | "revoke" | "deactivate" | "reactivate" | "reset" | null;

/** A refusal inside a dialog, announced when it appears. */
function DialogError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-status-danger-border bg-status-danger-subtle px-3 py-2 text-sm text-status-danger-fg">
      {message}
    </p>
  );
}

function ConfirmDialog({
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
function ResetLinkDialog({ user, onOpenChange }: { user: UserRow; onOpenChange: (open: boolean) => void }) {
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
          <OneTimeLink url={link} label="Reset link" hint="Copy it now: Cairn keeps only a fingerprint of it and cannot show it again." />
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

/**
 * A person's admin actions, each behind a confirmation. `lastAdmin` hides the ways of removing the only
 * active admin (the server refuses them anyway, race-safe).
 */
export function UserActions({ user, lastAdmin }: { user: UserRow; lastAdmin: boolean }) {
  const [dialog, setDialog] = useState<Dialogs>(null);
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  const active = !user.deactivatedAt;
  return (
    <div className="flex flex-wrap gap-2 sm:justify-end">
      {active && !user.isAdmin ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("grant")} aria-label={`Make admin: ${user.name}`}>
          <ShieldCheck aria-hidden />
          Make admin
        </Button>
      ) : null}
      {user.isAdmin && !(active && lastAdmin) ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("revoke")} aria-label={`Remove admin: ${user.name}`}>
          <ShieldOff aria-hidden />
          Remove admin
        </Button>
      ) : null}
      {active ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("reset")} aria-label={`Create password reset link: ${user.name}`}>
          <KeyRound aria-hidden />
          Reset link
        </Button>
      ) : null}
      {active && !user.isViewer && !(user.isAdmin && lastAdmin) ? (
        <Button type="button" variant="ghost" size="sm" onClick={() => setDialog("deactivate")} aria-label={`Deactivate: ${user.name}`}>
          <UserX aria-hidden />
          Deactivate
        </Button>
      ) : null}
      {!active ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("reactivate")} aria-label={`Reactivate: ${user.name}`}>
          <UserCheck aria-hidden />
          Reactivate
        </Button>
      ) : null}

      {dialog === "grant" ? (
        <ConfirmDialog
          title={`Make ${user.name} an admin?`}
          description="Admins can do everything in Cairn: author roadmaps, manage every cohort and person, and see the audit log."
          confirm="Make admin"
          run={() => setAdminAction({ userId: user.id, isAdmin: true })}
          done={{ title: `${user.name} is now an admin`, description: "It applies on their next page load." }}
          onOpenChange={close}
        />
      ) : null}
      {dialog === "revoke" ? (
        <ConfirmDialog
          title={user.isViewer ? "Remove your own admin rights?" : `Remove admin rights from ${user.name}?`}
          description={
            user.isViewer
              ? "You lose access to the admin pages at once. Another admin can give it back."
              : `${user.name} keeps their account and cohort roles, and loses the admin pages on their next request.`
          }
          confirm="Remove admin"
          danger
          run={() => setAdminAction({ userId: user.id, isAdmin: false })}
          done={{ title: `${user.name} is no longer an admin`, description: "It applies on their next request." }}
          onOpenChange={close}
        />
      ) : null}
      {dialog === "deactivate" ? (
        <ConfirmDialog
          title={`Deactivate ${user.name}?`}
          description={`${user.name} is signed out on their next request and cannot sign in. Their work and history are kept, and you can reactivate them later.`}
          confirm="Deactivate"
          danger
          run={() => deactivateUserAction({ userId: user.id })}
          done={{ title: `${user.name} is deactivated`, description: "They are signed out everywhere." }}
          onOpenChange={close}
        />
      ) : null}
      {dialog === "reactivate" ? (
        <ConfirmDialog
          title={`Reactivate ${user.name}?`}
          description={`${user.name} can sign in again with their password. If they have forgotten it, create a reset link afterwards.`}
          confirm="Reactivate"
          run={() => reactivateUserAction({ userId: user.id })}
          done={{ title: `${user.name} is active again`, description: "They can sign in." }}
          onOpenChange={close}
        />
      ) : null}
      {dialog === "reset" ? <ResetLinkDialog user={user} onOpenChange={close} /> : null}
    </div>
  );
}
