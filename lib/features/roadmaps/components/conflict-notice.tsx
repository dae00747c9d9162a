"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { ITEM_CONFLICT_MESSAGE } from "@/lib/features/roadmaps/constants";

function show(value: unknown): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((entry) => (typeof entry === "object" ? Object.values(entry).join(" — ") : String(entry))).join("\n") || "(empty)";
  return String(value ?? "") || "(empty)";
}

/** After a stale save: the fields where this form still differs from what the other person saved, with their value. */
export function ConflictNotice<D extends object>({
  theirs,
  mine,
  labels,
  onUseTheirs,
}: {
  theirs: D;
  mine: D;
  labels: Partial<Record<keyof D, string>>;
  onUseTheirs: () => void;
}) {
  const fields = (Object.keys(labels) as (keyof D)[]).filter((field) => JSON.stringify(theirs[field]) !== JSON.stringify(mine[field]));
  return (
    <div className="grid gap-3 rounded-md border border-status-warning-border bg-status-warning-subtle p-3">
      <FormAlert tone="warning">{ITEM_CONFLICT_MESSAGE}</FormAlert>
      {fields.length > 0 ? (
        <dl className="grid gap-2 text-sm">
          {fields.map((field) => (
            <div key={String(field)} className="grid gap-0.5">
              <dt className="font-medium">Their {labels[field]} (yours is in the form)</dt>
              <dd className="max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-surface px-2 py-1 font-mono text-xs">{show(theirs[field])}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm">Your form now matches what they saved; there is nothing of yours left to apply.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          Save my changes on top
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onUseTheirs}>
          Use their version
        </Button>
      </div>
    </div>
  );
}
