import "server-only";
import { db } from "@/lib/db";
import { listRoadmaps } from "@/lib/features/roadmaps/data";

export async function getInstanceOverview() {
  const [activeUsers, admins, cohorts, roadmaps] = await Promise.all([
    db.user.count({ where: { deactivatedAt: null } }),
    db.user.count({ where: { deactivatedAt: null, isAdmin: true } }),
    db.cohort.count({ where: { archivedAt: null } }),
    listRoadmaps(),
  ]);
  return { activeUsers, admins, cohorts, roadmaps: roadmaps.filter((roadmap) => !roadmap.archived) };
}
