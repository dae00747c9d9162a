import type { Viewer } from "@/lib/auth/viewer";
import { addDays, type Day } from "@/lib/calendar";

/** What the database says about a check-in's scope, seen from one viewer. */
export type CheckinScope = {
  learnerUserId: string;
  /** The learner's membership is still an active learner membership. */
  learnerActive: boolean;
  /** The cohort is not archived. */
  cohortActive: boolean;
  /** The viewer has an active mentor membership in the check-in's cohort. */
  viewerIsMentor: boolean;
};

/** Only the learner whose week it is changes it (plan, close-out, reopen). */
export function canChangeCheckin(viewer: Pick<Viewer, "id">, scope: CheckinScope): boolean {
  return scope.cohortActive && scope.learnerActive && scope.learnerUserId === viewer.id;
}

/** Mentors of the check-in's cohort comment; its learner may reply. Nobody else, admins included. */
export function canCommentOnCheckin(viewer: Pick<Viewer, "id">, scope: CheckinScope): boolean {
  return scope.cohortActive && (scope.viewerIsMentor || canChangeCheckin(viewer, scope));
}

/** Whoever may comment may read; admins may read everything (docs/product.md, "Roles and scope"). */
export function canReadCheckin(viewer: Pick<Viewer, "id" | "isAdmin">, scope: CheckinScope): boolean {
  return viewer.isAdmin || canCommentOnCheckin(viewer, scope);
}

/**
 * A week stays editable during itself and the following week, so a learner can close out
 * (or reopen and correct) last week on Monday; older weeks are history.
 */
export function canEditCheckinWeek(weekStart: Day, currentWeek: Day): boolean {
  return weekStart === currentWeek || weekStart === addDays(currentWeek, -7);
}
