"use client";

import Form from "next/form";
import { Field } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AuditActorOption, AuditFilters, AuditTypeGroup } from "@/lib/features/audit/types";
import { actionGroupLabel, actionLabel, hasFilters } from "@/lib/features/audit/utils";

/**
 * Person, type and a UTC date range as a GET form: the log is rendered on the server from the query string, so it
 * works without JavaScript; with it, next/form navigates client-side and the selects apply at once. Submitting
 * drops the page cursor, so a new filter always starts at the newest matching event.
 */
export function AuditFilterForm({
  filters,
  actorOptions,
  typeGroups,
}: {
  filters: AuditFilters;
  actorOptions: AuditActorOption[];
  typeGroups: AuditTypeGroup[];
}) {
  const submit = (event: { currentTarget: HTMLSelectElement }) => event.currentTarget.form?.requestSubmit();
  // A filter from a link can name someone or something with no events (yet): keep it selected, not "Everyone".
  const actorMissing = !!filters.actor && !actorOptions.some((option) => option.value === filters.actor);
  const type = filters.type;
  const typeMissing =
    !!type && !typeGroups.some((group) => group.value === type || group.actions.some((action) => action.value === type));
  return (
    <Form
      action="/admin/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 items-end gap-x-3 gap-y-3 sm:flex sm:flex-wrap sm:gap-y-2"
    >
      <Field label="Person" className="col-span-2 min-w-0 sm:w-72">
        <Select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} onChange={submit} options={actorOptions}>
          <option value="">Everyone</option>
          {actorMissing ? <option value={filters.actor}>Someone with no events</option> : null}
        </Select>
      </Field>
      <Field label="Type" className="col-span-2 min-w-0 sm:w-72">
        <Select id="audit-type" name="type" defaultValue={filters.type ?? ""} onChange={submit}>
          <option value="">All changes</option>
          {typeMissing && type ? (
            <option value={type}>
              {type.endsWith(".*") ? `All ${actionGroupLabel(type.slice(0, -2)).toLowerCase()} (${type})` : actionLabel(type)}
            </option>
          ) : null}
          {typeGroups.map((group) => (
            <optgroup key={group.value} label={group.label}>
              <option value={group.value}>All {group.label.toLowerCase()} ({group.value})</option>
              {group.actions.map((action) => (
                <option key={action.value} value={action.value}>
                  {action.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="From (UTC)" className="min-w-0 sm:w-40">
        <Input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </Field>
      <Field label="To (UTC, included)" className="min-w-0 sm:w-40">
        <Input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </Field>
      <FilterActions clearHref={hasFilters(filters) ? "/admin/audit" : undefined} className="col-span-2">
        Apply
      </FilterActions>
    </Form>
  );
}
