import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { diffDocuments, openDraftMessage } from "@/lib/features/roadmaps/utils";

export type ImportedVersion = { roadmapId: string; versionId: string; slug: string; number: number; created: boolean };

/**
 * Writes a parsed roadmap document as a new version of the roadmap with its slug
 * (creating the roadmap the first time). Existing versions are never touched, so
 * cohorts pinned to them keep working; milestone keys tie progress across versions.
 * One transaction: a failure leaves nothing behind.
 */
export async function importRoadmapDocument(
  document: RoadmapDocument,
  { status = "published", actor = null }: { status?: VersionStatus; actor?: Actor | null } = {},
): Promise<ImportedVersion> {
  return db.$transaction(async (tx) => {
    // Serialises concurrent imports of the same slug so version numbers never collide, and so two draft
    // imports cannot both see "no open draft".
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roadmap:${document.slug}`}))`;
    const existing = await tx.roadmap.findUnique({ where: { slug: document.slug }, select: { id: true } });
    if (existing) {
      // A roadmap has at most one open draft, and it is always its newest version (decision 008).
      const draft = await tx.roadmapVersion.findFirst({
        where: { roadmapId: existing.id, status: "draft" },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      if (draft) throw new AppError("CONFLICT", openDraftMessage(draft.number));
    }
    const roadmap =
      existing ?? (await tx.roadmap.create({ data: { slug: document.slug, name: document.title }, select: { id: true } }));
    const latest = await tx.roadmapVersion.findFirst({
      where: { roadmapId: roadmap.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const number = (latest?.number ?? 0) + 1;
    const publishedAt = status === "published" ? new Date() : null;
    // A version published straight from a file gets the same computed summary as one published in the editor;
    // a draft's is computed when it is published. (No draft is open here, so `latest` is published or retired.)
    const changeSummary = publishedAt ? diffDocuments(latest ? await getRoadmapDocument(latest.id) : null, document) : undefined;
    const version = await tx.roadmapVersion.create({
      data: {
        roadmapId: roadmap.id,
        number,
        status,
        title: document.title,
        summary: document.summary,
        publishedAt,
        publishedById: publishedAt ? (actor?.id ?? null) : null,
        changeSummary,
      },
      select: { id: true },
    });
    await writeVersionContent(tx, version.id, document);
    if (status === "published") {
      await tx.roadmap.update({ where: { id: roadmap.id }, data: { name: document.title } });
    }
    await writeAudit(tx, {
      actor,
      action: "roadmap.import",
      targetType: "roadmap_version",
      targetId: version.id,
      after: { slug: document.slug, number, status },
    });
    return { roadmapId: roadmap.id, versionId: version.id, slug: document.slug, number, created: !existing };
  });
}

async function writeVersionContent(tx: Tx, versionId: string, document: RoadmapDocument) {
  const phases = await tx.phase.createManyAndReturn({
    data: document.phases.map((phase, position) => ({
      versionId,
      key: phase.key,
      position,
      title: phase.title,
      description: phase.description,
    })),
    select: { id: true, key: true },
  });
  const phaseIds = new Map(phases.map((phase) => [phase.key, phase.id]));
  await tx.milestone.createMany({
    data: document.phases.flatMap((phase) =>
      phase.milestones.map((milestone, position) => ({
        versionId,
        phaseId: phaseIds.get(phase.key)!,
        key: milestone.key,
        position,
        title: milestone.title,
        description: milestone.description,
        doneWhen: milestone.doneWhen,
        resources: milestone.resources,
        evidence: milestone.evidence,
        reviewRequired: milestone.reviewRequired,
        effortHours: milestone.effortHours,
      })),
    ),
  });
  await tx.portfolioProject.createMany({
    data: document.projects.map((project, position) => ({
      versionId,
      key: project.key,
      position,
      title: project.title,
      description: project.description,
      doneWhen: project.doneWhen,
      evidence: project.evidence,
      reviewRequired: project.reviewRequired,
      milestoneKeys: project.milestoneKeys,
    })),
  });
  await tx.weeklyRuleItem.createMany({
    data: document.weeklyRule.map((text, position) => ({ versionId, position, text })),
  });
  await tx.successCriterion.createMany({
    data: document.criteria.map((criterion, position) => ({ versionId, key: criterion.key, position, text: criterion.text })),
  });
  await tx.roadmapNote.createMany({
    data: document.notes.map((note, position) => ({ versionId, position, title: note.title, body: note.body })),
  });
}
