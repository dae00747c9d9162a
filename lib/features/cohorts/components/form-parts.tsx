import type { ReactNode } from "react";
import { CircleAlert } from "lucide-react";
import type { VersionOption } from "@/lib/features/cohorts/types";

/** A form-level message (conflict, refusal) announced to screen readers when it appears. */
export function FormAlert({ children, tone = "danger" }: { children: ReactNode; tone?: "danger" | "warning" }) {
  const tones = {
    danger: "border-status-danger-border bg-status-danger-subtle text-status-danger-fg",
    warning: "border-status-warning-border bg-status-warning-subtle text-status-warning-fg",
  };
  return (
    <p role="alert" className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** Errors for a field, including those zod reports on its items ("mentorEmails.0"). */
export function errorsFor(errors: Record<string, string[]>, field: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages);
  return found.length > 0 ? [...new Set(found)] : undefined;
}

export function versionLabel(version: VersionOption): string {
  return version.title === version.roadmapName
    ? `Version ${version.number}`
    : `Version ${version.number} — ${version.title}`;
}

/** Published versions grouped by roadmap, for a native <select>. */
export function VersionOptions({ versions }: { versions: VersionOption[] }) {
  const groups = new Map<string, VersionOption[]>();
  for (const version of versions) groups.set(version.roadmapName, [...(groups.get(version.roadmapName) ?? []), version]);
  return (
    <>
      {[...groups].map(([roadmap, list]) => (
        <optgroup key={roadmap} label={roadmap}>
          {list.map((version) => (
            <option key={version.id} value={version.id}>
              {roadmap} · {versionLabel(version)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
