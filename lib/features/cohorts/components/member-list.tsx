import { CalendarClock } from "@/components/ui/icons/calendar-clock";
import { RotateCcw } from "@/components/ui/icons/rotate-ccw";
import { UserMinus } from "@/components/ui/icons/user-minus";
import { Badge } from "@/components/ui/badge";
import { MemberActions, RestoreButton } from "@/lib/features/cohorts/components/member-actions";
import type { MemberRow } from "@/lib/features/cohorts/types";
import { type Day, formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { plural } from "@/lib/plural";

// Drawn on the server, dates included: only each row's buttons are client code (member-actions.tsx), which keeps the
// members page's first-load JavaScript small (docs/performance.md).

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

function MemberItem({ member, cohortName, cohortStartDate, timezone, kind, viewerCanRemoveSelf }: Omit<Props, "members"> & { member: MemberRow }) {
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
        {kind === "removed" ? <RestoreButton member={{ membershipId: member.membershipId, name: member.name }} icon={<RotateCcw aria-hidden />} /> : null}
        {kind === "active" && (learner || canRemove) ? (
          <MemberActions
            member={{ membershipId: member.membershipId, name: member.name, startDate: member.startDate, extensionDays: member.extensionDays }}
            cohortName={cohortName}
            cohortStartLabel={formatDay(cohortStartDate)}
            scheduleIcon={learner ? <CalendarClock aria-hidden /> : null}
            removeIcon={canRemove ? <UserMinus aria-hidden /> : null}
          />
        ) : null}
      </div>
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
