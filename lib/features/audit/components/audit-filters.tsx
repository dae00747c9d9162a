"use client";

import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AuditActorOption, AuditFilters, AuditTypeGroup } from "@/lib/features/audit/types";
import { actionGroupLabel, actionLabel, hasFilters } from "@/lib/features/audit/utils";

const LABEL = "text-sm leading-5 font-medium";

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
      <div className="col-span-2 grid min-w-0 gap-1.5 sm:w-72">
        <label htmlFor="audit-actor" className={LABEL}>
          Person
        </label>
        <Select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} onChange={submit}>
          <option value="">Everyone</option>
          {actorMissing ? <option value={filters.actor}>Someone with no events</option> : null}
          {actorOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="col-span-2 grid min-w-0 gap-1.5 sm:w-72">
        <label htmlFor="audit-type" className={LABEL}>
          Type
        </label>
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
      </div>
      <div className="grid min-w-0 gap-1.5 sm:w-40">
        <label htmlFor="audit-from" className={LABEL}>
          From (UTC)
        </label>
        <Input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </div>
      <div className="grid min-w-0 gap-1.5 sm:w-40">
        <label htmlFor="audit-to" className={LABEL}>
          To (UTC, included)
        </label>
        <Input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </div>
      <div className="col-span-2 flex items-center gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {hasFilters(filters) ? (
          <Button asChild variant="ghost">
            <Link href="/admin/audit">Clear filters</Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
