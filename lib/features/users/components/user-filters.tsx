import { Search } from "@/components/ui/icons/search";
import { Field } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { USER_SEARCH_MAX } from "@/lib/features/users/constants";
import type { CohortOption, UserListFilters } from "@/lib/features/users/types";
import { isFiltered } from "@/lib/features/users/utils";

const ROLES = [
  { value: "admin", label: "Admin" },
  { value: "mentor", label: "Mentor" },
  { value: "learner", label: "Learner" },
];

const STATUSES = [
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

/** A plain GET form: the filters live in the URL, work without JavaScript and survive a reload. */
export function UserFilters({ filters, cohorts }: { filters: UserListFilters; cohorts: CohortOption[] }) {
  const selects = [
    { label: "Role", name: "role", value: filters.role, any: "Any role", options: ROLES },
    { label: "Cohort", name: "cohort", value: filters.cohortId, any: "Any cohort", options: cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name })) },
    { label: "Status", name: "status", value: filters.status, any: "Any status", options: STATUSES },
  ];
  return (
    <form method="get" action="/admin/users" role="search" aria-label="Find people" className="mb-4 grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
        <Field label="Name or email">
          <Input name="q" type="search" defaultValue={filters.q} maxLength={USER_SEARCH_MAX} autoComplete="off" />
        </Field>
        {selects.map((select) => (
          <Field key={select.name} label={select.label}>
            <Select name={select.name} defaultValue={select.value ?? ""} options={select.options}>
              <option value="">{select.any}</option>
            </Select>
          </Field>
        ))}
      </div>
      <FilterActions size="sm" clearHref={isFiltered(filters) ? "/admin/users" : undefined} className="flex-wrap">
        <Search aria-hidden />
        Show people
      </FilterActions>
    </form>
  );
}
