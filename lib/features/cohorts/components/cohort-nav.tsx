import { NavLink } from "@/components/layout/nav-link";

/** The cohort's own pages, as a row of tabs under the page header. */
export function CohortNav({ cohortId }: { cohortId: string }) {
  const base = `/cohorts/${cohortId}`;
  return (
    <nav aria-label="Cohort" className="-mt-2 mb-6 flex gap-1 overflow-x-auto border-b border-border">
      <NavLink href={base} exact variant="tab">
        Progress
      </NavLink>
      <NavLink href={`${base}/insights`} variant="tab">
        Insights
      </NavLink>
      <NavLink href={`${base}/members`} variant="tab">
        Members
      </NavLink>
      <NavLink href={`${base}/settings`} variant="tab">
        Settings
      </NavLink>
    </nav>
  );
}
