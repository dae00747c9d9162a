"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/action-result";

// What the cohort's invite panel and Admin → Users → Invite links share, apart from the cohort panel itself so the
// admin page does not load it. The buttons' icons are drawn by the server components that render the forms and lists
// (decision 044); the spinner takes an icon's place while a button works.

// The new link's box (with its copy button) appears only after "Create invite link", so it stays off the first load;
// `create` starts loading it together with the request, and it is there by the time the link is.
const loadNewLink = () => import("@/lib/features/invites/components/new-invite-link");
const NewInviteLink = lazy(() => loadNewLink().then((module) => ({ default: module.NewInviteLink })));

/** The link, shown once: only its hash is stored, so it cannot be shown again. */
export function NewLink({ url, onDone }: { url: string; onDone: () => void }) {
  return (
    <Suspense fallback={null}>
      <NewInviteLink url={url} onDone={onDone} />
    </Suspense>
  );
}

/** The invite forms' submit button; the icon gives way to the spinner while the link is made. */
export function CreateLinkButton({ pending, variant, icon }: { pending: boolean; variant?: "secondary"; icon: ReactNode }) {
  return (
    <div>
      <Button type="submit" variant={variant} loading={pending}>
        {pending ? null : icon}
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
    void loadNewLink();
    const result = await run(call);
    if (!result?.ok) return;
    setCreated(`${window.location.origin}/invite/${result.data.token}`);
    router.refresh();
  }

  return { errors, alert, pending, created, setCreated, create };
}

/** "Revoke" for one invite link; the caller names the link and says what revoking stops. */
export function RevokeInviteButton({
  label,
  afterwards,
  revoke,
  icon,
}: {
  label: string;
  afterwards: string;
  revoke: () => Promise<ActionResult>;
  icon: ReactNode;
}) {
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
      {pending ? null : icon}
      Revoke
    </Button>
  );
}
