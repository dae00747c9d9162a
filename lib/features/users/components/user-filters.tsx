import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { USER_SEARCH_MAX } from "@/lib/features/users/constants";
import type { CohortOption, UserListFilters } from "@/lib/features/users/types";
import { isFiltered } from "@/lib/features/users/utils";

/** A plain GET form: the filters live in the URL, work without JavaScript and survive a reload. */
export function UserFilters({ filters, cohorts }: { filters: UserListFilters; cohorts: CohortOption[] }) {
  return (
    <form method="get" action="/admin/users" role="search" aria-label="Find people" className="mb-4 grid gap-3 rounded-xl border border-border bg-surface p-3 sm:p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
        <Field label="Name or email">
          <Input name="q" type="search" defaultValue={filters.q} maxLength={USER_SEARCH_MAX} autoComplete="off" />
        </Field>
        <Field label="Role">
          <Select name="role" defaultValue={filters.role ?? ""}>
            <option value="">Any role</option>
            <option value="admin">Admin</option>
            <option value="mentor">Mentor</option>
            <option value="learner">Learner</option>
          </Select>
        </Field>
        <Field label="Cohort">
          <Select name="cohort" defaultValue={filters.cohortId ?? ""}>
            <option value="">Any cohort</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary" size="sm">
          <Search aria-hidden />
          Show people
        </Button>
        {isFiltered(filters) ? (
          <Button asChild variant="ghost" size="sm">
            <Link href="/admin/users">Clear filters</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
