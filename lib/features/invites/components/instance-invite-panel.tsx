"use client";

import { Link2 } from "@/components/ui/icons/link-2";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { errorsFor, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormAlert } from "@/components/ui/form-alert";
import { InstanceEmailInviteForm } from "@/lib/features/invites/components/instance-email-invite-form";
import { CreateLinkButton, INVITE_STATE, NewLink, RevokeInviteButton, useInviteCreation } from "@/lib/features/invites/components/invite-panel";
import { INSTANCE_INVITE_EXPIRY_CHOICES, INVITE_USES_MAX } from "@/lib/features/invites/constants";
import { dayIn, formatDay } from "@/lib/calendar";
import { plural } from "@/lib/plural";
import { createInstanceInviteAction, revokeInstanceInviteAction } from "@/lib/features/invites/actions";
import type { InstanceInviteRow } from "@/lib/features/invites/types";
import type { CohortOption } from "@/lib/features/users/types";

type Role = "admin" | "mentor" | "learner";
const ROLE_LABEL: Record<Role, string> = { admin: "Admin", mentor: "Mentor", learner: "Learner" };


function InviteItem({ invite }: { invite: InstanceInviteRow }) {
  return (
    <li className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {ROLE_LABEL[invite.role]} link
          {invite.role === "admin" ? null : <span className="font-normal text-muted-foreground">· {invite.cohortName ?? "No cohort"}</span>}
          <Badge variant={INVITE_STATE[invite.state].variant}>{INVITE_STATE[invite.state].label}</Badge>
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
        label={`Revoke ${ROLE_LABEL[invite.role].toLowerCase()} link${invite.cohortName ? ` for ${invite.cohortName}` : ""}, used ${invite.useCount} of ${invite.maxUses}`}
        afterwards="Nobody can use it any more."
        revoke={() => revokeInstanceInviteAction({ inviteId: invite.id })}
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
  const [role, setRole] = useState<Role>("learner");
  const [cohortId, setCohortId] = useState("");
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [maxUses, setMaxUses] = useState("1");
  const { errors, alert, pending, created, setCreated, create } = useInviteCreation();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void create(() => createInstanceInviteAction({ role, cohortId: role === "admin" ? "" : cohortId, expiresInDays, maxUses }));
  }


  return (
    <div className="grid gap-6">
      <section aria-labelledby="new-invite-heading" className="grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
        <h2 id="new-invite-heading" className="text-base font-semibold">
          New invite link
        </h2>
        <form onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Create invite link">
          {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field label="Joins as" errors={errorsFor(errors, "role")}>
              <Select value={role} onChange={(event) => setRole(event.target.value as Role)}>
                <option value="learner">Learner</option>
                <option value="mentor">Mentor</option>
                <option value="admin">Admin</option>
              </Select>
            </Field>
            <Field
              label="Cohort"
              optional={role !== "admin"}
              hint={role === "admin" ? "Admins belong to the whole instance." : "Without a cohort, they get an account and you add them later."}
              errors={errorsFor(errors, "cohortId")}
            >
              <Select
                value={role === "admin" ? "" : cohortId}
                disabled={role === "admin"}
                onChange={(event) => setCohortId(event.target.value)}
                options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
              >
                <option value="">No cohort</option>
              </Select>
            </Field>
            <Field label="Expires after" errors={errorsFor(errors, "expiresInDays")}>
              <Select
                value={expiresInDays}
                onChange={(event) => setExpiresInDays(event.target.value)}
                options={INSTANCE_INVITE_EXPIRY_CHOICES.map((days) => ({ value: days, label: plural(days, "day") }))}
              />
            </Field>
            <Field label="Uses" hint={`1 to ${INVITE_USES_MAX} people.`} errors={errorsFor(errors, "maxUses")}>
              <Input type="number" inputMode="numeric" min={1} max={INVITE_USES_MAX} value={maxUses} onChange={(event) => setMaxUses(event.target.value)} />
            </Field>
          </div>
          <CreateLinkButton pending={pending} />
        </form>
        {created ? <NewLink url={created} onDone={() => setCreated(null)} /> : null}
      </section>
      {mailInvites ? (
        <section aria-labelledby="email-invites-heading" className="grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
          <h2 id="email-invites-heading" className="text-base font-semibold">
            Invite by e-mail
          </h2>
          <p className="text-sm text-muted-foreground">Cairn mails each person their own invite link.</p>
          <InstanceEmailInviteForm cohorts={cohorts} />
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
