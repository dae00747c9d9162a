import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
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
        <Select name="cohort" defaultValue={filters.cohort ?? ""}>
          <option value="">All cohorts</option>
          {queue.cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name} ({cohort.waiting})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Phase">
        <Select name="phase" defaultValue={filters.phase ?? ""}>
          <option value="">All phases</option>
          {queue.phases.map((phase) => (
            <option key={phase.key} value={phase.key}>
              {phase.title}
            </option>
          ))}
          <option value={PROJECTS_PHASE}>Portfolio projects</option>
        </Select>
      </Field>
      <Field label="Learner" className="col-span-2 lg:col-span-1">
        <Input name="learner" type="search" defaultValue={filters.learner ?? ""} maxLength={LEARNER_SEARCH_MAX} placeholder="Name contains…" />
      </Field>
      <div className="col-span-2 flex items-center gap-2 lg:col-span-1">
        <Button type="submit" variant="secondary">
          <Search aria-hidden />
          Filter
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/reviews">Clear filters</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
