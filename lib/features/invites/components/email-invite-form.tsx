"use client";

import { useState } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { CohortRoleSelect } from "@/lib/features/cohorts/components/form-parts";
import { emailInvitesAction } from "@/lib/features/invites/actions";
import { EmailInvites } from "@/lib/features/invites/components/email-invites";

/** Cohort → Members → "Invite by e-mail" (only when Cairn sends mail): a personal single-use link for each address. */
export function EmailInviteForm({ cohortId }: { cohortId: string }) {
  const [role, setRole] = useState<"learner" | "mentor">("learner");
  return (
    <EmailInvites send={(emails) => emailInvitesAction({ cohortId, role, emails })}>
      {(fieldErrors) => (
        <Field label="Role" errors={errorsFor(fieldErrors, "role")}>
          <CohortRoleSelect value={role} onRole={setRole} />
        </Field>
      )}
    </EmailInvites>
  );
}
