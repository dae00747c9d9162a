"use client";

import { CalendarClock } from "@/components/ui/icons/calendar-clock";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { UserMinus } from "@/components/ui/icons/user-minus";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { restoreCohortMemberAction } from "@/lib/features/cohorts/actions";
import { useAction } from "@/components/use-action";
import type { MemberRow } from "@/lib/features/cohorts/types";
import { type Day, formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { plural } from "@/lib/plural";

// Radix's dialog loads when someone first opens one (decision 023).
const ScheduleDialog = lazy(() =>
  import("@/lib/features/cohorts/components/member-dialogs").then((module) => ({ default: module.ScheduleDialog })),
);
const RemoveDialog = lazy(() =>
  import("@/lib/features/cohorts/components/member-dialogs").then((module) => ({ default: module.RemoveDialog })),
);

type Props = {
  cohortName: string;
  cohortStartDate: Day;
  timezone: string;
  members: MemberRow[];
  /** "active" rows get schedule and remove; "removed" rows get add back. */
  kind: "active" | "removed";
  /** Mentors cannot remove themselves (an admin or another mentor can). */
  viewerCanRemoveSelf: boolean;
};

function RestoreButton({ member }: { member: MemberRow }) {
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
      {pending ? null : <RotateCcw aria-hidden />}
      Add back
    </Button>
  );
}

function MemberItem({ member, cohortName, cohortStartDate, timezone, kind, viewerCanRemoveSelf }: Omit<Props, "members"> & { member: MemberRow }) {
  const [dialog, setDialog] = useState<"schedule" | "remove" | null>(null);
  const learner = member.role === "learner";
  const canRemove = !member.isViewer || viewerCanRemoveSelf;
  return (
    <li aria-label={member.name} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-words">{member.name}</span>
          {member.isViewer ? <Badge variant="outline">You</Badge> : null}
          {kind === "removed" ? <Badge>{learner ? "Learner" : "Mentor"}</Badge> : null}
        </span>
        <span className="truncate text-sm text-muted-foreground">{member.email}</span>
      </div>
      {kind === "active" && learner ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground sm:justify-end">
          <span>
            Starts <span className="text-foreground">{formatDay(member.effectiveStartDate)}</span>
            {member.startDate ? " (own date)" : null}
          </span>
          {member.extensionDays > 0 ? (
            <Badge variant="info" icon="calendar-clock">
              +{plural(member.extensionDays, "day")}
            </Badge>
          ) : null}
        </div>
      ) : null}
      {kind === "removed" && member.removedAt ? (
        <span className="text-sm text-muted-foreground">Removed {formatDay(dayIn(new Date(member.removedAt), timezone))}</span>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {kind === "removed" ? <RestoreButton member={member} /> : null}
        {kind === "active" && learner ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => setDialog("schedule")} aria-label={`Edit schedule: ${member.name}`}>
            <CalendarClock aria-hidden />
            Schedule
          </Button>
        ) : null}
        {kind === "active" && canRemove ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => setDialog("remove")} aria-label={`Remove: ${member.name}`}>
            <UserMinus aria-hidden />
            Remove
          </Button>
        ) : null}
      </div>
      <Suspense fallback={null}>
        {dialog === "schedule" ? (
          <ScheduleDialog member={member} cohortStartDate={cohortStartDate} onOpenChange={(open) => setDialog(open ? "schedule" : null)} />
        ) : null}
        {dialog === "remove" ? (
          <RemoveDialog member={member} cohortName={cohortName} onOpenChange={(open) => setDialog(open ? "remove" : null)} />
        ) : null}
      </Suspense>
    </li>
  );
}

/** Learners, mentors or removed members as compact rows; every action is a button with the member's name. */
export function MemberList({ members, ...rest }: Props) {
  return (
    <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
      {members.map((member) => (
        <MemberItem key={member.membershipId} member={member} {...rest} />
      ))}
    </ul>
  );
}
