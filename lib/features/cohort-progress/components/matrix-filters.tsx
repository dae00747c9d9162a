"use client";

import type { ReactNode } from "react";
import Form from "next/form";
import { Field } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { MATRIX_SORTS, SEARCH_MAX, SORT_LABELS } from "@/lib/features/cohort-progress/constants";
import type { MatrixQuery } from "@/lib/features/cohort-progress/types";

const SORT_OPTIONS = MATRIX_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }));

/**
 * Search, phase, sort and "Flagged only" (Watch or At risk) as a GET form: the matrix is rendered on the server from
 * the query string, so it works without JavaScript; with it, next/form navigates client-side and the selects apply
 * at once.
 */
export function MatrixFilters({
  base,
  query,
  phases,
  searchIcon,
}: {
  base: string;
  query: MatrixQuery;
  /** The phase filter's options, labelled by the server. */
  phases: { value: string; label: string }[];
  /** The search field's magnifier, drawn by the server so its shape stays out of this component's JavaScript. */
  searchIcon: ReactNode;
}) {
  const submit = (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) => event.currentTarget.form?.requestSubmit();
  const filtered = query.q !== "" || query.phase !== "" || query.sort !== "name" || query.atRisk;
  return (
    <Form
      action={base}
      role="search"
      aria-label="Filter the matrix"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-3 sm:flex sm:flex-wrap sm:gap-y-2"
    >
      <div className="col-span-2 grid gap-1.5 sm:w-56">
        <Label htmlFor="matrix-q">Search learners</Label>
        <div className="relative">
          {searchIcon}
          <Input id="matrix-q" type="search" name="q" defaultValue={query.q} maxLength={SEARCH_MAX} placeholder="Name" className="pl-8" />
        </div>
      </div>
      <Field label="Phase" className="min-w-0 sm:w-60">
        <Select id="matrix-phase" name="phase" defaultValue={query.phase} onChange={submit} options={phases}>
          <option value="">All phases</option>
        </Select>
      </Field>
      <Field label="Sort by" className="min-w-0 sm:w-52">
        <Select id="matrix-sort" name="sort" defaultValue={query.sort} onChange={submit} options={SORT_OPTIONS} />
      </Field>
      <label className="flex h-9 items-center gap-2 text-sm whitespace-nowrap">
        <input
          type="checkbox"
          name="risk"
          value="1"
          defaultChecked={query.atRisk}
          onChange={submit}
          className="size-4 accent-[var(--color-accent)]"
        />
        Flagged only
      </label>
      <FilterActions clearHref={filtered ? base : undefined} clearLabel="Clear" className="justify-end sm:justify-start">
        Apply
      </FilterActions>
    </Form>
  );
}
