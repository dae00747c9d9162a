import { cn } from "@/lib/cn";
import { STATUS_LABELS } from "@/lib/features/progress/constants";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

const LEGEND: { statuses: ProgressStatus[] }[] = [
  { statuses: ["not_started"] },
  { statuses: ["in_progress"] },
  { statuses: ["submitted"] },
  { statuses: ["changes_requested"] },
  { statuses: ["approved", "done"] },
];

/**
 * A status's shape, as the matrix paints its cells (the `data-fill` rules in app/globals.css): each status has its
 * own shape as well as its colour (docs/ux.md). "Approved" and "Done" are both complete and share the solid fill.
 */
export function StatusSwatch({ status, className }: { status: ProgressStatus; className?: string }) {
  return <span aria-hidden data-fill={status} className={cn("inline-block size-4 shrink-0 rounded-[3px]", className)} />;
}

/** The matrix's key: every status's shape next to its label. */
export function StatusLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-xs text-muted-foreground">
      {LEGEND.map(({ statuses }) => (
        <li key={statuses[0]} className="flex items-center gap-1.5">
          <StatusSwatch status={statuses[0]!} />
          {statuses.map((status) => STATUS_LABELS[status]).join(" / ")}
        </li>
      ))}
    </ul>
  );
}
