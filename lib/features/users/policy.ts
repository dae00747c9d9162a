import type { Viewer } from "@/lib/auth/viewer";
import type { NavArea } from "@/lib/features/users/types";

/** Admin → Users (people, admin rights, deactivation, reset links): admins, as the database says now. */
export function canAdministerUsers(viewer: Pick<Viewer, "isAdmin">): boolean {
  return viewer.isAdmin;
}

/** Nobody deactivates their own account (they would lock themselves out); another admin can. */
export function canDeactivateUser(actor: { id: string }, target: { id: string }): boolean {
  return actor.id !== target.id;
}

/** The areas a person may use: learner and mentor from their active cohort roles, admin from the flag. */
export function allowedAreas(
  viewer: Pick<Viewer, "isAdmin">,
  roles: { mentorCohortIds: string[]; learnerCohortIds: string[] },
): NavArea[] {
  const areas: NavArea[] = [];
  if (roles.learnerCohortIds.length > 0) areas.push("learner");
  if (roles.mentorCohortIds.length > 0) areas.push("mentor");
  if (viewer.isAdmin) areas.push("admin");
  return areas;
}
