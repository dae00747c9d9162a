import "server-only";
import { db } from "@/lib/db";

/** The cohorts a person mentors, with learner counts and attempts waiting for a decision. */
export async function listMentoredCohorts(userId: string) {
  const cohorts = await db.cohort.findMany({
    where: { archivedAt: null, memberships: { some: { userId, role: "mentor", removedAt: null } } },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      name: true,
      reviewTargetHours: true,
      _count: { select: { memberships: { where: { role: "learner", removedAt: null } } } },
    },
  });
  if (cohorts.length === 0) return [];
  const waiting = await db.$queryRaw<{ cohort_id: string; waiting: number; oldest: Date }[]>`
    SELECT m.cohort_id, count(*)::int AS waiting, min(s.created_at) AS oldest
      FROM submissions s
      JOIN progress p ON p.id = s.progress_id
      JOIN memberships m ON m.id = p.membership_id
     WHERE s.status = 'pending' AND m.removed_at IS NULL
       AND m.cohort_id = ANY(${cohorts.map((cohort) => cohort.id)}::uuid[])
     GROUP BY m.cohort_id`;
  const byCohort = new Map(waiting.map((row) => [row.cohort_id, row]));
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort.name,
    learners: cohort._count.memberships,
    reviewTargetHours: cohort.reviewTargetHours,
    waiting: byCohort.get(cohort.id)?.waiting ?? 0,
    oldestWaitingAt: byCohort.get(cohort.id)?.oldest ?? null,
  }));
}
