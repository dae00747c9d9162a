import { cn } from "@/lib/cn";
import { STATUS_LABELS } from "@/lib/features/progress/constants";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/**
 * How a status paints a matrix cell. Colour is never alone (docs/ux.md): each status also has its own shape —
 * hollow, half-filled, ringed, striped, solid — drawn with backgrounds on the cell itself so a cell stays one
 * DOM node. "Approved" and "Done" are both complete and share the solid fill; the cell's label tells them apart.
 */
export const STATUS_FILL: Record<ProgressStatus, string> = {
  not_started: "bg-surface shadow-[inset_0_0_0_1px_var(--color-border-strong)]",
  in_progress:
    "bg-[linear-gradient(135deg,var(--color-status-info)_50%,var(--color-surface)_50%)] shadow-[inset_0_0_0_1.5px_var(--color-status-info)]",
  submitted: "bg-[radial-gradient(circle,var(--color-surface)_26%,var(--color-status-warning)_30%)]",
  changes_requested:
    "bg-[repeating-linear-gradient(45deg,var(--color-status-danger)_0_2.5px,var(--color-surface)_2.5px_5px)] shadow-[inset_0_0_0_1.5px_var(--color-status-danger)]",
  approved: "bg-status-success",
  done: "bg-status-success",
};

const LEGEND: { statuses: ProgressStatus[] }[] = [
  { statuses: ["not_started"] },
  { statuses: ["in_progress"] },
  { statuses: ["submitted"] },
  { statuses: ["changes_requested"] },
  { statuses: ["approved", "done"] },
];

export function StatusSwatch({ status, className }: { status: ProgressStatus; className?: string }) {
  return <span aria-hidden className={cn("inline-block size-4 shrink-0 rounded-[3px]", STATUS_FILL[status], className)} />;
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
