import type { VersionOption } from "@/lib/features/cohorts/types";

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
