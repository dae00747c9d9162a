"use client";

import { useState } from "react";
import { errorsFor, Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { CohortOption } from "@/lib/features/users/types";

export type InstanceRole = "admin" | "mentor" | "learner";

/** An instance invite's role and cohort: the cohort to send, "" for none, and always "" for an admin. */
export function useInstanceRole() {
  const [role, setRole] = useState<InstanceRole>("learner");
  const [cohortId, setCohortId] = useState("");
  return { role, setRole, cohortId: role === "admin" ? "" : cohortId, setCohortId };
}

/**
 * "Joins as" / "Role" and "Cohort" / "Cohort to join" of Admin → Users' two invite forms: learner, mentor or admin,
 * and for the first two an optional cohort. The labels differ per form so both can sit on one page.
 */
export function InstanceRoleFields({
  labels,
  cohorts,
  errors,
  state,
}: {
  labels: { role: string; cohort: string };
  cohorts: CohortOption[];
  errors: Record<string, string[]>;
  state: ReturnType<typeof useInstanceRole>;
}) {
  const isAdmin = state.role === "admin";
  return (
    <>
      <Field label={labels.role} errors={errorsFor(errors, "role")}>
        <Select value={state.role} onChange={(event) => state.setRole(event.target.value as InstanceRole)}>
          <option value="learner">Learner</option>
          <option value="mentor">Mentor</option>
          <option value="admin">Admin</option>
        </Select>
      </Field>
      <Field
        label={labels.cohort}
        optional={!isAdmin}
        hint={isAdmin ? "Admins belong to the whole instance." : "Without a cohort, they get an account and you add them later."}
        errors={errorsFor(errors, "cohortId")}
      >
        <Select
          value={state.cohortId}
          disabled={isAdmin}
          onChange={(event) => state.setCohortId(event.target.value)}
          options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
        >
          <option value="">No cohort</option>
        </Select>
      </Field>
    </>
  );
}
