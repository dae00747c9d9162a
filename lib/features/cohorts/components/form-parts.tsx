import type { ComponentProps } from "react";
import { Select } from "@/components/ui/select";
import type { VersionOption } from "@/lib/features/cohorts/types";

type SelectProps = Omit<ComponentProps<typeof Select>, "children">;

export function versionLabel(version: VersionOption): string {
  return version.title === version.roadmapName
    ? `Version ${version.number}`
    : `Version ${version.number} — ${version.title}`;
}

/** Published versions grouped by roadmap, for a native <select>. */
export function VersionOptions({ versions }: { versions: VersionOption[] }) {
  const groups = new Map<string, VersionOption[]>();
  for (const version of versions) groups.set(version.roadmapId, [...(groups.get(version.roadmapId) ?? []), version]);
  return (
    <>
      {[...groups].map(([roadmapId, list]) => (
        <optgroup key={roadmapId} label={list[0]!.roadmapName}>
          {list.map((version) => (
            <option key={version.id} value={version.id}>
              {version.roadmapName} · {versionLabel(version)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** The cohort's time zone among the ones the server knows. */
export function TimeZoneSelect({ zones, ...props }: SelectProps & { zones: string[] }) {
  return (
    <Select {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </Select>
  );
}
