import { Badge } from "@/components/ui/badge";
import type { MailStatus } from "@/lib/generated/prisma/enums";

const STATUS: Record<MailStatus, { label: string; variant: "neutral" | "info" | "success" | "danger" }> = {
  pending: { label: "Waiting", variant: "info" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  unsent: { label: "Not sent", variant: "neutral" },
};

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  pending: STATUS.pending.label,
  sent: STATUS.sent.label,
  failed: STATUS.failed.label,
  unsent: STATUS.unsent.label,
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
}
