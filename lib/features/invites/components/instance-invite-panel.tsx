import { Link2 } from "@/components/ui/icons/link-2";
import { Link2Off } from "@/components/ui/icons/link-2-off";
import { Send } from "@/components/ui/icons/send";
import { EmptyState } from "@/components/ui/empty-state";
import { revokeInstanceInviteAction } from "@/lib/features/invites/actions";
import { InstanceEmailInviteForm } from "@/lib/features/invites/components/instance-email-invite-form";
import { InstanceInviteLinkForm } from "@/lib/features/invites/components/instance-invite-link-form";
import { RevokeInviteButton } from "@/lib/features/invites/components/invite-link-parts";
import { InviteStateBadge } from "@/lib/features/invites/components/invite-state-badge";
import { INVITE_ROLE_LABELS } from "@/lib/features/invites/constants";
import type { InstanceInviteRow } from "@/lib/features/invites/types";
import { inviteTitle } from "@/lib/features/invites/utils";
import type { CohortOption } from "@/lib/features/users/types";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";

// Drawn on the server: only the two forms and each "Revoke" button are client components, which keeps the page's
// first-load JavaScript small (docs/performance.md).

function InviteItem({ invite }: { invite: InstanceInviteRow }) {
  return (
    <li className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
          <span className="min-w-0 wrap-anywhere">{inviteTitle(INVITE_ROLE_LABELS[invite.role], invite.sentTo)}</span>
          {invite.role === "admin" ? null : <span className="font-normal text-muted-foreground">· {invite.cohortName ?? "No cohort"}</span>}
          <InviteStateBadge state={invite.state} />
        </span>
        <span className="text-sm text-muted-foreground">
          Used {invite.useCount} of {invite.maxUses} · {invite.state === "expired" ? "Expired" : "Expires"}{" "}
          {formatDay(dayIn(new Date(invite.expiresAt), "UTC"))} (UTC)
          {invite.createdByName ? ` · by ${invite.createdByName}` : null}
        </span>
      </div>
      {invite.state === "active" ? (
        <div className="sm:ml-auto">
          <RevokeInviteButton
            label={`Revoke ${inviteTitle(INVITE_ROLE_LABELS[invite.role].toLowerCase(), invite.sentTo)}${invite.cohortName ? ` for ${invite.cohortName}` : ""}, used ${invite.useCount} of ${invite.maxUses}`}
            afterwards="Nobody can use it any more."
            revoke={revokeInstanceInviteAction.bind(null, { inviteId: invite.id })}
            icon={<Link2Off aria-hidden />}
          />
        </div>
      ) : null}
    </li>
  );
}

/**
 * Admin → Users → Invite links: create a link (role, optional cohort, expiry, uses), invite by e-mail when Cairn sends
 * mail (`mailInvites`), and manage every link.
 */
export function InstanceInvitePanel({ invites, cohorts, mailInvites }: { invites: InstanceInviteRow[]; cohorts: CohortOption[]; mailInvites: boolean }) {
  return (
    <div className="grid gap-6">
      <section aria-labelledby="new-invite-heading" className="grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
        <h2 id="new-invite-heading" className="text-base font-semibold">
          New invite link
        </h2>
        <InstanceInviteLinkForm cohorts={cohorts} icon={<Link2 aria-hidden />} />
      </section>
      {mailInvites ? (
        <section aria-labelledby="email-invites-heading" className="grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
          <h2 id="email-invites-heading" className="text-base font-semibold">
            Invite by e-mail
          </h2>
          <p className="text-sm text-muted-foreground">Cairn mails each person their own invite link.</p>
          <InstanceEmailInviteForm cohorts={cohorts} icon={<Send aria-hidden />} />
        </section>
      ) : null}
      <section aria-labelledby="invites-heading" className="grid gap-3">
        <h2 id="invites-heading" className="text-base font-semibold">
          Invite links
        </h2>
        {invites.length === 0 ? (
          <EmptyState icon={Link2} headingLevel="h3" title="No invite links yet" text="Create one above and send it to the people you want to bring in." />
        ) : (
          <ul aria-label="Invite links" className="divide-y divide-border rounded-xl border border-border bg-surface">
            {invites.map((invite) => (
              <InviteItem key={invite.id} invite={invite} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
