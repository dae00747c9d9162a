"use client";

import { useState, type FormEvent } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CohortRoleSelect } from "@/lib/features/cohorts/components/form-parts";
import { createInviteAction, revokeInviteAction } from "@/lib/features/invites/actions";
import { CreateLinkButton, NewLink, RevokeInviteButton, useInviteCreation } from "@/lib/features/invites/components/invite-link-parts";
import { InviteStateBadge } from "@/lib/features/invites/components/invite-state-badge";
import { INVITE_EXPIRY_CHOICES, INVITE_ROLE_LABELS } from "@/lib/features/invites/constants";
import type { InviteRow } from "@/lib/features/invites/types";
import { inviteTitle } from "@/lib/features/invites/utils";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { plural } from "@/lib/plural";

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
              <RevokeInviteButton label={`Revoke ${inviteTitle(invite.role, invite.sentTo)}, used ${invite.useCount} of ${invite.maxUses}`} afterwards="Nobody can join with it any more." revoke={() => revokeInviteAction({ inviteId: invite.id })} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Create invite links (role, expiry, use limit) and manage the existing ones. */
export function InvitePanel({ cohortId, invites, timezone }: { cohortId: string; invites: InviteRow[]; timezone: string }) {
  const [role, setRole] = useState<"learner" | "mentor">("learner");
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [maxUses, setMaxUses] = useState("1");
  const { errors, alert, pending, created, setCreated, create } = useInviteCreation();
  const active = invites.filter((invite) => invite.state === "active");
  const inactive = invites.filter((invite) => invite.state !== "active");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void create(() => createInviteAction({ cohortId, role, expiresInDays, maxUses }));
  }


  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Create invite link">
        {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Joins as" errors={errorsFor(errors, "role")}>
            <CohortRoleSelect value={role} onRole={setRole} />
          </Field>
          <Field label="Expires after" errors={errorsFor(errors, "expiresInDays")}>
            <Select value={expiresInDays} onChange={(event) => setExpiresInDays(event.target.value)}>
              {INVITE_EXPIRY_CHOICES.map((days) => (
                <option key={days} value={days}>
                  {plural(days, "day")}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Uses" errors={errorsFor(errors, "maxUses")}>
            <Input type="number" inputMode="numeric" min={1} value={maxUses} onChange={(event) => setMaxUses(event.target.value)} />
          </Field>
        </div>
        <CreateLinkButton pending={pending} variant="secondary" />
      </form>
      {created ? <NewLink url={created} onDone={() => setCreated(null)} /> : null}
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
