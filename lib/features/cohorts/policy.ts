import type { CohortAccess } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";

/** Creating cohorts and the list of every cohort belong to instance admins. */
export function canCreateCohort(viewer: Pick<Viewer, "isAdmin">): boolean {
  return viewer.isAdmin;
}

/**
 * Settings, members and version moves of a cohort: its active mentors and admins, as getCohortAccess found them in
 * the database (null for everyone else, who sees the cohort as missing).
 */
export function canManageCohort(access: CohortAccess | null): access is CohortAccess {
  return access !== null;
}

/** A mentor removing themselves would lock themselves out mid-click; another mentor or an admin can. */
export function canRemoveMember(viewer: Pick<Viewer, "id">, access: Pick<CohortAccess, "as">, member: { userId: string }): boolean {
  return member.userId !== viewer.id || access.as === "admin";
}
