"use client";

import type { ReactNode } from "react";
import { emailInstanceInvitesAction } from "@/lib/features/invites/actions";
import { EmailInvites } from "@/lib/features/invites/components/email-invites";
import { InstanceRoleFields, useInstanceRole } from "@/lib/features/invites/components/instance-role-fields";
import type { CohortOption } from "@/lib/features/users/types";

/**
 * Admin → Users → Invite links → "Invite by e-mail" (only when Cairn sends mail): a personal single-use link for each
 * address, as an admin, or as a mentor or learner with an optional cohort. Its controls are named "Role" and "Cohort
 * to join" so they stay apart from the link form's "Joins as" and "Cohort" on the same page. `icon` is the "Send
 * invites" button's, drawn by the server.
 */
export function InstanceEmailInviteForm({ cohorts, icon }: { cohorts: CohortOption[]; icon: ReactNode }) {
  const state = useInstanceRole();
  return (
    <EmailInvites send={(emails) => emailInstanceInvitesAction({ role: state.role, cohortId: state.cohortId, emails })} icon={icon}>
      {(fieldErrors) => <InstanceRoleFields labels={{ role: "Role", cohort: "Cohort to join" }} cohorts={cohorts} errors={fieldErrors} state={state} />}
    </EmailInvites>
  );
}
