import { CircleCheck, CircleDashed, CircleDot, Clock, RotateCcw } from "lucide-react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/features/progress/constants";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

const APPEARANCE: Record<ProgressStatus, { variant: BadgeProps["variant"]; icon: BadgeProps["icon"] }> = {
  not_started: { variant: "neutral", icon: CircleDashed },
  in_progress: { variant: "info", icon: CircleDot },
  submitted: { variant: "warning", icon: Clock },
  changes_requested: { variant: "danger", icon: RotateCcw },
  approved: { variant: "success", icon: CircleCheck },
  done: { variant: "success", icon: CircleCheck },
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
