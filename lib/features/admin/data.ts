import "server-only";
import { db } from "@/lib/db";

export async function getInstanceOverview() {
  const [activeUsers, admins, cohorts, roadmaps] = await Promise.all([
    db.user.count({ where: { deactivatedAt: null } }),
    db.user.count({ where: { deactivatedAt: null, isAdmin: true } }),
    db.cohort.count({ where: { archivedAt: null } }),
    db.roadmap.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        versions: { orderBy: { number: "desc" }, select: { number: true, status: true, _count: { select: { cohorts: true } } } },
      },
    }),
  ]);
  return {
    activeUsers,
    admins,
    cohorts,
    roadmaps: roadmaps.map((roadmap) => ({
      id: roadmap.id,
      slug: roadmap.slug,
      name: roadmap.name,
      latestVersion: roadmap.versions[0]?.number ?? null,
      hasDraft: roadmap.versions.some((version) => version.status === "draft"),
      cohortsUsing: roadmap.versions.reduce((sum, version) => sum + version._count.cohorts, 0),
    })),
  };
}
