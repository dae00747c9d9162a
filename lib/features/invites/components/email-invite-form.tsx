"use client";

import { useState, type ReactNode } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { CohortRoleSelect } from "@/lib/features/cohorts/components/cohort-role-select";
import { emailInvitesAction } from "@/lib/features/invites/actions";
import { EmailInvites } from "@/lib/features/invites/components/email-invites";

/**
 * Cohort → Members → "Invite by e-mail" (only when Cairn sends mail): a personal single-use link for each address.
 * `icon` is the "Send invites" button's, drawn by the server.
 */
export function EmailInviteForm({ cohortId, icon }: { cohortId: string; icon: ReactNode }) {
  const [role, setRole] = useState<"learner" | "mentor">("learner");
  return (
    <EmailInvites send={(emails) => emailInvitesAction({ cohortId, role, emails })} icon={icon}>
      {(fieldErrors) => (
        <Field label="Role" errors={errorsFor(fieldErrors, "role")}>
          <CohortRoleSelect value={role} onRole={setRole} />
        </Field>
      )}
    </EmailInvites>
  );
}
