import { NavLink } from "@/components/layout/nav-link";

/** The cohort's own pages, as a row of tabs under the page header. */
export function CohortNav({ cohortId }: { cohortId: string }) {
  const base = `/cohorts/${cohortId}`;
  const tab = "h-9 rounded-none border-b-2 border-transparent px-3 hover:bg-transparent aria-[current=page]:border-accent aria-[current=page]:bg-transparent aria-[current=page]:text-foreground";
  return (
    <nav aria-label="Cohort" className="-mt-2 mb-6 flex gap-1 overflow-x-auto border-b border-border">
      <NavLink href={base} exact className={tab}>
        Progress
      </NavLink>
      <NavLink href={`${base}/members`} className={tab}>
        Members
      </NavLink>
      <NavLink href={`${base}/settings`} className={tab}>
        Settings
      </NavLink>
    </nav>
  );
}
