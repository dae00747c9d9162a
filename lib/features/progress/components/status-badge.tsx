import { Badge, type BadgeProps } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/features/progress/constants";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

const APPEARANCE: Record<ProgressStatus, { variant: BadgeProps["variant"]; icon: BadgeProps["icon"] }> = {
  not_started: { variant: "neutral", icon: "circle-dashed" },
  in_progress: { variant: "info", icon: "circle-dot" },
  submitted: { variant: "warning", icon: "clock" },
  changes_requested: { variant: "danger", icon: "rotate-ccw" },
  approved: { variant: "success", icon: "circle-check" },
  done: { variant: "success", icon: "circle-check" },
};

/** Status is text first, colour second (docs/ux.md). */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { variant, icon } = APPEARANCE[status];
  return (
    <Badge variant={variant} icon={icon} data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
