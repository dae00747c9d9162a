import { Badge } from "@/components/ui/badge";
import { KIND_LABEL } from "@/lib/features/roadmaps/constants";
import type { VersionChange } from "@/lib/features/roadmaps/types";
import { describeChange } from "@/lib/features/roadmaps/version-diff";

type ChangeType = VersionChange["change"];

const GROUPS: { types: ChangeType[]; label: string; variant: "success" | "info" | "warning" | "neutral" }[] = [
  { types: ["added"], label: "Added", variant: "success" },
  { types: ["archived"], label: "Archived", variant: "warning" },
  { types: ["renamed", "edited"], label: "Edited", variant: "info" },
  { types: ["moved"], label: "Moved", variant: "neutral" },
  { types: ["weekly-rule"], label: "Weekly rule", variant: "neutral" },
  { types: ["criteria"], label: "Success criteria", variant: "neutral" },
  { types: ["details"], label: "Title, goal and notes", variant: "neutral" },
];

/** What changed since the previous version, field by field, grouped: what learners moved to it will find. */
export function ChangeList({ changes }: { changes: VersionChange[] }) {
  const groups = GROUPS.map((group) => ({ ...group, changes: changes.filter((change) => group.types.includes(change.change)) })).filter(
    (group) => group.changes.length > 0,
  );
  if (groups.length === 0) return <p className="text-sm text-muted-foreground">No changes since the previous version.</p>;
  return (
    <div className="grid gap-3">
      {groups.map((group) => (
        <section key={group.label} className="grid gap-1">
          <h3 className="text-sm font-semibold">
            {group.label} <span className="font-normal text-muted-foreground tabular-nums">({group.changes.length})</span>
          </h3>
          <ul className="grid gap-1 text-sm">
            {group.changes.map((change, index) => (
              <li key={index} className="flex min-w-0 items-baseline gap-2">
                {"kind" in change ? (
                  <Badge variant={group.variant} className="shrink-0">
                    {KIND_LABEL[change.kind]}
                  </Badge>
                ) : null}
                <span className="min-w-0 break-words">{describeChange(change)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
