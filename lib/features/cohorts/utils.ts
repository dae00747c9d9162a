import type { InviteState, MoveItem } from "@/lib/features/cohorts/types";

export function inviteState(
  invite: { revokedAt: Date | null; expiresAt: Date; useCount: number; maxUses: number },
  now: Date,
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.useCount >= invite.maxUses) return "used_up";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/**
 * What moving from one version to another does to each key: kept (in both), new (only in the
 * target) and dropped (only in the current one). Progress hangs off keys, so this is all that changes.
 * Each list keeps the order of the version it comes from.
 */
export function diffVersionItems(current: MoveItem[], target: MoveItem[]) {
  const currentByKey = new Map(current.map((item) => [item.key, item]));
  const targetKeys = new Set(target.map((item) => item.key));
  return {
    kept: target
      .filter((item) => currentByKey.has(item.key))
      .map((item) => {
        const before = currentByKey.get(item.key)!;
        return { ...item, previousTitle: before.title === item.title ? null : before.title };
      }),
    added: target.filter((item) => !currentByKey.has(item.key)),
    dropped: current.filter((item) => !targetKeys.has(item.key)),
  };
}

const ROLE_PLURAL = { learner: "learners", mentor: "mentors", admin: "admins" } as const;

/**
 * What someone already in the cohort reads when they open an invite for another role: a link never moves a member
 * between roles (docs/security.md #35). Null when the roles match and there is nothing to explain.
 */
export function otherRoleInviteNotice(memberRole: keyof typeof ROLE_PLURAL, inviteRole: keyof typeof ROLE_PLURAL): string | null {
  if (memberRole === inviteRole) return null;
  return `This link is for ${ROLE_PLURAL[inviteRole]}, so it does not change your role; ask whoever manages the cohort if it should.`;
}
