"use client";

import { KeyRound } from "@/components/ui/icons/key-round";
import { ShieldCheck } from "@/components/ui/icons/shield-check";
import { ShieldOff } from "@/components/ui/icons/shield-off";
import { UserCheck } from "@/components/ui/icons/user-check";
import { UserX } from "@/components/ui/icons/user-x";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { deactivateUserAction, reactivateUserAction, setAdminAction } from "@/lib/features/users/actions";
import type { UserRow } from "@/lib/features/users/types";

// Radix's dialog loads when someone first opens one (decision 023).
const ConfirmDialog = lazy(() =>
  import("@/lib/features/users/components/user-dialogs").then((module) => ({ default: module.ConfirmDialog })),
);
const ResetLinkDialog = lazy(() =>
  import("@/lib/features/users/components/user-dialogs").then((module) => ({ default: module.ResetLinkDialog })),
);

type Dialogs = "grant" | "revoke" | "deactivate" | "reactivate" | "reset" | null;

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

      <Suspense fallback={null}>
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
      </Suspense>
    </div>
  );
}
