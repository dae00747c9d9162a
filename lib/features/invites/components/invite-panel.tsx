import { Link2 } from "@/components/ui/icons/link-2";
import { Link2Off } from "@/components/ui/icons/link-2-off";
import { revokeInviteAction } from "@/lib/features/invites/actions";
import { InviteLinkForm } from "@/lib/features/invites/components/invite-link-form";
import { RevokeInviteButton } from "@/lib/features/invites/components/invite-link-parts";
import { InviteStateBadge } from "@/lib/features/invites/components/invite-state-badge";
import { INVITE_ROLE_LABELS } from "@/lib/features/invites/constants";
import type { InviteRow } from "@/lib/features/invites/types";
import { inviteTitle } from "@/lib/features/invites/utils";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";

// Drawn on the server, dates and the buttons' icons included: only the form and each "Revoke" button are client
// components, which keeps the members page's first-load JavaScript small (docs/performance.md).

function InviteList({ label, invites, timezone }: { label: string; invites: InviteRow[]; timezone: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-border rounded-xl border border-border bg-surface">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
          <div className="grid min-w-0 flex-1 gap-0.5">
            <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
              <span className="min-w-0 wrap-anywhere">{inviteTitle(INVITE_ROLE_LABELS[invite.role], invite.sentTo)}</span>
              <InviteStateBadge state={invite.state} />
            </span>
            <span className="text-sm text-muted-foreground">
              Used {invite.useCount} of {invite.maxUses} · {invite.state === "expired" ? "Expired" : "Expires"}{" "}
              {formatDay(dayIn(new Date(invite.expiresAt), timezone))}
              {invite.createdByName ? ` · by ${invite.createdByName}` : null}
            </span>
          </div>
          {invite.state === "active" ? (
            <div className="sm:ml-auto">
              <RevokeInviteButton
                label={`Revoke ${inviteTitle(invite.role, invite.sentTo)}, used ${invite.useCount} of ${invite.maxUses}`}
                afterwards="Nobody can join with it any more."
                revoke={revokeInviteAction.bind(null, { inviteId: invite.id })}
                icon={<Link2Off aria-hidden />}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Create invite links (role, expiry, use limit) and manage the existing ones. */
export function InvitePanel({ cohortId, invites, timezone }: { cohortId: string; invites: InviteRow[]; timezone: string }) {
  const active = invites.filter((invite) => invite.state === "active");
  const inactive = invites.filter((invite) => invite.state !== "active");
  return (
    <div className="grid gap-4">
      <InviteLinkForm cohortId={cohortId} icon={<Link2 aria-hidden />} />
      {invites.length === 0 ? <p className="text-sm text-muted-foreground">No invite links yet.</p> : null}
      {active.length > 0 ? <InviteList label="Invite links" invites={active} timezone={timezone} /> : null}
      {inactive.length > 0 ? (
        <details className="group grid gap-2">
          <summary className="cursor-pointer text-sm text-muted-foreground select-none hover:text-foreground">
            Used up, expired and revoked links ({inactive.length})
          </summary>
          <div className="mt-2">
            <InviteList label="Inactive invite links" invites={inactive} timezone={timezone} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
