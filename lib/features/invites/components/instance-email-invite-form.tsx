"use client";

import { useState } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { emailInstanceInvitesAction } from "@/lib/features/invites/actions";
import { EmailInvites } from "@/lib/features/invites/components/email-invites";
import type { CohortOption } from "@/lib/features/users/types";

type Role = "admin" | "mentor" | "learner";

/**
 * Admin → Users → Invite links → "Invite by e-mail" (only when Cairn sends mail): a personal single-use link for each
 * address, as an admin, or as a mentor or learner with an optional cohort. Its controls are named "Role" and "Cohort
 * to join" so they stay apart from the link form's "Joins as" and "Cohort" on the same page.
 */
export function InstanceEmailInviteForm({ cohorts }: { cohorts: CohortOption[] }) {
  const [role, setRole] = useState<Role>("learner");
  const [cohortId, setCohortId] = useState("");
  return (
    <EmailInvites send={(emails) => emailInstanceInvitesAction({ role, cohortId: role === "admin" ? "" : cohortId, emails })}>
      {(fieldErrors) => (
        <>
          <Field label="Role" errors={errorsFor(fieldErrors, "role")}>
            <Select value={role} onChange={(event) => setRole(event.target.value as Role)}>
              <option value="learner">Learner</option>
              <option value="mentor">Mentor</option>
              <option value="admin">Admin</option>
            </Select>
          </Field>
          <Field
            label="Cohort to join"
            optional={role !== "admin"}
            hint={role === "admin" ? "Admins belong to the whole instance." : "Without a cohort, they get an account and you add them later."}
            errors={errorsFor(fieldErrors, "cohortId")}
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
        </>
      )}
    </EmailInvites>
  );
}
