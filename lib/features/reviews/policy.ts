import type { Viewer } from "@/lib/auth/viewer";

/** A review queue is for whoever mentors an active cohort, and for admins, who see every cohort. */
export function canUseReviewQueue(viewer: Pick<Viewer, "isAdmin">, reviewableCohorts: number): boolean {
  return viewer.isAdmin || reviewableCohorts > 0;
}

/**
 * Whose attempts a reviewer may decide: never their own (docs/security.md #4; a mentor in one cohort can learn in
 * another), never those of a learner removed from the cohort. The cohort itself is checked with getCohortAccess.
 */
export function canReviewAttemptOf(viewer: Pick<Viewer, "id">, learner: { userId: string; removedAt: Date | null }): boolean {
  return learner.removedAt === null && learner.userId !== viewer.id;
}
