import type { CohortAccess } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { inviteState } from "@/lib/features/invites/utils";

type InviteRole = "admin" | "mentor" | "learner";

/** A cohort's links are made and revoked by whoever manages the cohort: its active mentors and admins. */
export function canManageCohortInvites(access: CohortAccess | null): boolean {
  return access !== null;
}

/** Links of the whole instance (admin links included), and revoking any link from Admin → Users: admins only. */
export function canManageInstanceInvites(viewer: Pick<Viewer, "isAdmin">): boolean {
  return viewer.isAdmin;
}

/** Admin is an instance-wide flag, never a role in one cohort: an admin link names no cohort. */
export function canInviteAs(role: InviteRole, cohortId: string | null): boolean {
  return role !== "admin" || cohortId === null;
}

/** A link works until it is revoked, used up or expired; callers show every one of those the same way. */
export function isInviteUsable(
  invite: { revokedAt: Date | null; expiresAt: Date; useCount: number; maxUses: number },
  now: Date,
): boolean {
  return inviteState(invite, now) === "active";
}
