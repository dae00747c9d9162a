import { Badge } from "@/components/ui/badge";
import { KIND_LABEL } from "@/lib/features/roadmaps/constants";
import type { ChangeSummary } from "@/lib/features/roadmaps/types";

const GROUPS = [
  { field: "added", label: "Added", variant: "success" },
  { field: "changed", label: "Changed", variant: "info" },
  { field: "archived", label: "Archived", variant: "warning" },
] as const;

/** A version's change summary by key: what learners following the new version will find added, changed, gone. */
export function ChangeList({ summary }: { summary: ChangeSummary }) {
  const groups = GROUPS.filter((group) => summary[group.field].length > 0);
  if (groups.length === 0) return <p className="text-sm text-muted-foreground">No changes to phases, milestones or projects.</p>;
  return (
    <div className="grid gap-3">
      {groups.map((group) => (
        <section key={group.field} className="grid gap-1">
          <h3 className="text-sm font-semibold">
            {group.label} <span className="font-normal text-muted-foreground tabular-nums">({summary[group.field].length})</span>
          </h3>
          <ul className="grid gap-1 text-sm">
            {summary[group.field].map((item) => (
              <li key={`${item.kind}:${item.key}`} className="flex min-w-0 flex-wrap items-center gap-x-2">
                <Badge variant={group.variant}>{KIND_LABEL[item.kind]}</Badge>
                <span className="min-w-0 break-words">{item.title}</span>
                <code className="text-xs text-muted-foreground">{item.key}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
