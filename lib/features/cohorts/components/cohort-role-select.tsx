import type { ComponentProps } from "react";
import { Select } from "@/components/ui/select";

// A module of its own: the members page's forms use only this, and the bundler ships every export of a module a
// client component imports (form-parts.tsx holds the version and time-zone pickers).

/** Learner or mentor: the roles a person holds inside a cohort. */
export function CohortRoleSelect({
  onRole,
  ...props
}: Omit<ComponentProps<typeof Select>, "children" | "onChange"> & { onRole: (role: "learner" | "mentor") => void }) {
  return (
    <Select {...props} onChange={(event) => onRole(event.target.value === "mentor" ? "mentor" : "learner")}>
      <option value="learner">Learner</option>
      <option value="mentor">Mentor</option>
    </Select>
  );
}
