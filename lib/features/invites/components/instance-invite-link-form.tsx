"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createInstanceInviteAction } from "@/lib/features/invites/actions";
import { InstanceRoleFields, useInstanceRole } from "@/lib/features/invites/components/instance-role-fields";
import { CreateLinkButton, NewLink, useInviteCreation } from "@/lib/features/invites/components/invite-link-parts";
import { INSTANCE_INVITE_EXPIRY_CHOICES, INVITE_USES_MAX } from "@/lib/features/invites/constants";
import type { CohortOption } from "@/lib/features/users/types";
import { plural } from "@/lib/plural";

/**
 * Admin → Users → Invite links → "Create invite link": role, optional cohort, expiry and uses; the link is shown once.
 * `icon` is the button's, drawn by the server.
 */
export function InstanceInviteLinkForm({ cohorts, icon }: { cohorts: CohortOption[]; icon: ReactNode }) {
  const state = useInstanceRole();
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [maxUses, setMaxUses] = useState("1");
  const { errors, alert, pending, created, setCreated, create } = useInviteCreation();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void create(() => createInstanceInviteAction({ role: state.role, cohortId: state.cohortId, expiresInDays, maxUses }));
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Create invite link">
        {alert ? <FormAlert tone="warning">{alert}</FormAlert> : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <InstanceRoleFields labels={{ role: "Joins as", cohort: "Cohort" }} cohorts={cohorts} errors={errors} state={state} />
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
        <CreateLinkButton pending={pending} icon={icon} />
      </form>
      {created ? <NewLink url={created} onDone={() => setCreated(null)} /> : null}
    </>
  );
}
