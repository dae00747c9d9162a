"use client";

import { emailInstanceInvitesAction } from "@/lib/features/invites/actions";
import { EmailInvites } from "@/lib/features/invites/components/email-invites";
import { InstanceRoleFields, useInstanceRole } from "@/lib/features/invites/components/instance-role-fields";
import type { CohortOption } from "@/lib/features/users/types";

/**
 * Admin → Users → Invite links → "Invite by e-mail" (only when Cairn sends mail): a personal single-use link for each
 * address, as an admin, or as a mentor or learner with an optional cohort. Its controls are named "Role" and "Cohort
 * to join" so they stay apart from the link form's "Joins as" and "Cohort" on the same page.
 */
export function InstanceEmailInviteForm({ cohorts }: { cohorts: CohortOption[] }) {
  const state = useInstanceRole();
  return (
    <EmailInvites send={(emails) => emailInstanceInvitesAction({ role: state.role, cohortId: state.cohortId, emails })}>
      {(fieldErrors) => <InstanceRoleFields labels={{ role: "Role", cohort: "Cohort to join" }} cohorts={cohorts} errors={fieldErrors} state={state} />}
    </EmailInvites>
  );
}
