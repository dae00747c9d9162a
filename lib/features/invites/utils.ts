import type { InviteState } from "@/lib/features/invites/types";

export function inviteState(
  invite: { revokedAt: Date | null; expiresAt: Date; useCount: number; maxUses: number },
  now: Date,
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.useCount >= invite.maxUses) return "used_up";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
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

/** How an invite is named in the lists: "Mentor link", or "Mentor invite to ada@example.org" when it was e-mailed. */
export function inviteTitle(roleWord: string, sentTo: string | null): string {
  return sentTo ? `${roleWord} invite to ${sentTo}` : `${roleWord} link`;
}
