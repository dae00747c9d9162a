import Link from "next/link";
import { Pager } from "@/components/layout/pager";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { UserActions } from "@/lib/features/users/components/user-actions";
import type { AdminUsersPage, UserRow } from "@/lib/features/users/types";
import { usersHref } from "@/lib/features/users/utils";

const ROLE_LABEL = { mentor: "Mentor", learner: "Learner" } as const;

function UserItem({ user, lastAdmin, serverNow }: { user: UserRow; lastAdmin: boolean; serverNow: string }) {
  return (
    <li aria-label={user.name} className="flex flex-col gap-3 px-3 py-3 sm:px-4 lg:flex-row lg:items-center lg:gap-4">
      <div className="grid min-w-0 flex-1 gap-1">
        <span className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-words">{user.name}</span>
          {user.isViewer ? <Badge variant="outline">You</Badge> : null}
          {user.isAdmin ? (
            <Badge variant="info" icon="shield-check">
              Admin
            </Badge>
          ) : null}
          {user.deactivatedAt ? <Badge variant="danger">Deactivated</Badge> : <Badge variant="success">Active</Badge>}
        </span>
        <span className="truncate text-sm text-muted-foreground">{user.email}</span>
        <span className="text-sm text-muted-foreground">
          {user.cohorts.length > 0 ? (
            <>
              <span className="sr-only">Cohorts: </span>
              {user.cohorts.map((cohort, index) => (
                <span key={cohort.cohortId}>
                  {index > 0 ? " · " : null}
                  <Link href={`/cohorts/${cohort.cohortId}/members`} className="text-foreground underline underline-offset-2 hover:decoration-2">
                    {cohort.cohortName}
                  </Link>{" "}
                  ({ROLE_LABEL[cohort.role]})
                </span>
              ))}
            </>
          ) : (
            "No cohort"
          )}
          {" · "}
          {user.lastSeenAt ? (
            <>
              Last seen <RelativeTime iso={user.lastSeenAt} serverNow={serverNow} />
            </>
          ) : (
            "Never signed in"
          )}
          {user.liveApiTokens > 0 ? (
            <>
              {" · "}
              <Link href="/admin/tokens" className="text-foreground underline underline-offset-2 hover:decoration-2">
                {user.liveApiTokens === 1 ? "1 API token" : `${user.liveApiTokens} API tokens`}
              </Link>
            </>
          ) : null}
        </span>
      </div>
      <UserActions user={user} lastAdmin={lastAdmin} />
    </li>
  );
}

/** The page of people, then "Previous" / "Next" keeping the filters. */
export function UserList({ data, serverNow }: { data: AdminUsersPage; serverNow: string }) {
  const lastAdmin = data.activeAdmins <= 1;
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.users.length - 1;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data.total === 1 ? "1 person" : `${first}–${last} of ${data.total} people`}
      </p>
      <ul aria-label="People" className="divide-y divide-border rounded-xl border border-border bg-surface">
        {data.users.map((user) => (
          <UserItem key={user.id} user={user} lastAdmin={lastAdmin} serverNow={serverNow} />
        ))}
      </ul>
      {data.pageCount > 1 ? (
        <Pager
          previous={data.page > 1 ? { href: usersHref(data.filters, data.page - 1), label: "Previous" } : null}
          next={data.page < data.pageCount ? { href: usersHref(data.filters, data.page + 1), label: "Next" } : null}
          status={`Page ${data.page} of ${data.pageCount}`}
        />
      ) : null}
    </div>
  );
}
