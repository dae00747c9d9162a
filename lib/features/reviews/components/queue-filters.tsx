import { Search } from "@/components/ui/icons/search";
import { Field } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LEARNER_SEARCH_MAX, PROJECTS_PHASE } from "@/lib/features/reviews/constants";
import type { ReviewQueue } from "@/lib/features/reviews/types";

/** Cohort, phase and learner filters: a plain GET form, so they work before (and without) JavaScript. */
export function QueueFilters({ queue }: { queue: ReviewQueue }) {
  const { filters } = queue;
  const filtered = Boolean(filters.cohort || filters.phase || filters.learner);
  return (
    <form
      method="get"
      action="/reviews"
      role="search"
      aria-label="Filter the queue"
      className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
    >
      <Field label="Cohort">
        <Select
          name="cohort"
          defaultValue={filters.cohort ?? ""}
          options={queue.cohorts.map((cohort) => ({ value: cohort.id, label: `${cohort.name} (${cohort.waiting})` }))}
        >
          <option value="">All cohorts</option>
        </Select>
      </Field>
      <Field label="Phase">
        <Select
          name="phase"
          defaultValue={filters.phase ?? ""}
          options={[...queue.phases.map((phase) => ({ value: phase.key, label: phase.title })), { value: PROJECTS_PHASE, label: "Portfolio projects" }]}
        >
          <option value="">All phases</option>
        </Select>
      </Field>
      <Field label="Learner" className="col-span-2 lg:col-span-1">
        <Input name="learner" type="search" defaultValue={filters.learner ?? ""} maxLength={LEARNER_SEARCH_MAX} placeholder="Name contains…" />
      </Field>
      <FilterActions clearHref={filtered ? "/reviews" : undefined} className="col-span-2 lg:col-span-1">
        <Search aria-hidden />
        Filter
      </FilterActions>
    </form>
  );
}
