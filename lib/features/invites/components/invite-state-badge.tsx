import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { InviteState } from "@/lib/features/invites/types";

const INVITE_STATE: Record<InviteState, { label: string; variant: BadgeProps["variant"] }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  used_up: { label: "Used up", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
};

/** An invite link's state in words, on a cohort's Members page and on Admin → Users → Invite links. */
export function InviteStateBadge({ state }: { state: InviteState }) {
  return <Badge variant={INVITE_STATE[state].variant}>{INVITE_STATE[state].label}</Badge>;
}
