import "server-only";
import { db } from "@/lib/db";
import { MILESTONE_CONTENT_SELECT, PROJECT_CONTENT_SELECT } from "@/lib/features/roadmaps/constants";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { liveInOrder } from "@/lib/features/roadmaps/utils";
import { isUuid } from "@/lib/ids";

/** A roadmap by slug or id, with the version to export: the given number, else the latest published, else the latest. */
export async function findRoadmapVersion(roadmap: string, versionNumber?: number) {
  const found = await db.roadmap.findFirst({
    where: isUuid(roadmap) ? { OR: [{ id: roadmap }, { slug: roadmap }] } : { slug: roadmap },
    select: {
      id: true,
      slug: true,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true } },
    },
  });
  if (!found) return null;
  const version =
    versionNumber !== undefined
      ? found.versions.find((v) => v.number === versionNumber)
      : (found.versions.find((v) => v.status === "published") ?? found.versions[0]);
  return version ? { roadmapId: found.id, slug: found.slug, ...version } : null;
}

/** The whole content of one version as the document the Markdown/JSON formats carry. Archived items are left out. */
export async function getRoadmapDocument(versionId: string): Promise<RoadmapDocument> {
  const version = await db.roadmapVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      title: true,
      summary: true,
      roadmap: { select: { slug: true } },
      phases: liveInOrder({
        key: true,
        title: true,
        description: true,
        milestones: liveInOrder(MILESTONE_CONTENT_SELECT),
      }),
      projects: liveInOrder(PROJECT_CONTENT_SELECT),
      weeklyRule: { orderBy: { position: "asc" }, select: { text: true } },
      criteria: { orderBy: { position: "asc" }, select: { key: true, text: true } },
      notes: { orderBy: { position: "asc" }, select: { title: true, body: true } },
    },
  });
  return {
    title: version.title,
    slug: version.roadmap.slug,
    summary: version.summary,
    phases: version.phases.map((phase) => ({
      ...phase,
      milestones: phase.milestones.map((milestone) => ({
        ...milestone,
        resources: milestone.resources as { label: string; url: string }[],
      })),
    })),
    projects: version.projects,
    weeklyRule: version.weeklyRule.map((item) => item.text),
    criteria: version.criteria,
    notes: version.notes,
  };
}

/** The roadmap an import with this slug would add a version to, its versions newest first; null for a new slug. */
export async function findRoadmapBySlug(slug: string) {
  return db.roadmap.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true } },
    },
  });
}
