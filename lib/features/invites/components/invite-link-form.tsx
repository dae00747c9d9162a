"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CohortRoleSelect } from "@/lib/features/cohorts/components/cohort-role-select";
import { createInviteAction } from "@/lib/features/invites/actions";
import { CreateLinkButton, NewLink, useInviteCreation } from "@/lib/features/invites/components/invite-link-parts";
import { INVITE_EXPIRY_CHOICES } from "@/lib/features/invites/constants";
import { plural } from "@/lib/plural";

/**
 * Cohort → Members → "Create invite link": role, expiry and use limit; the new link is shown once, below the form.
 * `icon` is the button's, drawn by the server.
 */
export function InviteLinkForm({ cohortId, icon }: { cohortId: string; icon: ReactNode }) {
  const [role, setRole] = useState<"learner" | "mentor">("learner");
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [maxUses, setMaxUses] = useState("1");
  const { errors, alert, pending, created, setCreated, create } = useInviteCreation();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void create(() => createInviteAction({ cohortId, role, expiresInDays, maxUses }));
  }

  return (
    <>
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
        <CreateLinkButton pending={pending} variant="secondary" icon={icon} />
      </form>
      {created ? <NewLink url={created} onDone={() => setCreated(null)} /> : null}
    </>
  );
}
