"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { restoreCohortMemberAction } from "@/lib/features/cohorts/actions";
import type { DialogMember } from "@/lib/features/cohorts/components/member-dialogs";
import { useAction } from "@/components/use-action";

// The member list's buttons: the only client code of a row, which the server draws (member-list.tsx). Their icons
// come from the server too, so their shapes are no part of the page's JavaScript (decision 044).

// Radix's dialog loads when someone first opens one (decision 023).
const ScheduleDialog = lazy(() =>
  import("@/lib/features/cohorts/components/member-dialogs").then((module) => ({ default: module.ScheduleDialog })),
);
const RemoveDialog = lazy(() =>
  import("@/lib/features/cohorts/components/member-dialogs").then((module) => ({ default: module.RemoveDialog })),
);

/** "Add back" for a removed member; the spinner takes `icon`'s place while it works. */
export function RestoreButton({ member, icon }: { member: Pick<DialogMember, "membershipId" | "name">; icon: ReactNode }) {
  const router = useRouter();
  const { pending, run } = useAction({ unreachable: "Cairn could not be reached; try again.", say: { toast: `${member.name} was not added back` }, fields: false });
  async function restore() {
    const result = await run(() => restoreCohortMemberAction({ membershipId: member.membershipId }));
    if (!result?.ok) return;
    toast({ title: `${member.name} is back in the cohort`, description: "Their earlier work is still there.", variant: "success" });
    router.refresh();
  }
  return (
    <Button type="button" variant="secondary" size="sm" loading={pending} onClick={restore} aria-label={`Add back: ${member.name}`}>
      {pending ? null : icon}
      Add back
    </Button>
  );
}

/**
 * "Schedule" (learners) and "Remove" for an active member, each opening its dialog. `cohortStartLabel` is the
 * cohort's start date as the schedule dialog's hint shows it, formatted by the server.
 */
export function MemberActions({
  member,
  cohortName,
  cohortStartLabel,
  scheduleIcon,
  removeIcon,
}: {
  member: DialogMember;
  cohortName: string;
  cohortStartLabel: string;
  /** The buttons' icons; a button shows only when its icon is given. */
  scheduleIcon: ReactNode;
  removeIcon: ReactNode;
}) {
  const [dialog, setDialog] = useState<"schedule" | "remove" | null>(null);
  return (
    <>
      {scheduleIcon ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("schedule")} aria-label={`Edit schedule: ${member.name}`}>
          {scheduleIcon}
          Schedule
        </Button>
      ) : null}
      {removeIcon ? (
        <Button type="button" variant="ghost" size="sm" onClick={() => setDialog("remove")} aria-label={`Remove: ${member.name}`}>
          {removeIcon}
          Remove
        </Button>
      ) : null}
      <Suspense fallback={null}>
        {dialog === "schedule" ? (
          <ScheduleDialog member={member} cohortStartLabel={cohortStartLabel} onOpenChange={(open) => setDialog(open ? "schedule" : null)} />
        ) : null}
        {dialog === "remove" ? (
          <RemoveDialog member={member} cohortName={cohortName} onOpenChange={(open) => setDialog(open ? "remove" : null)} />
        ) : null}
      </Suspense>
    </>
  );
}
