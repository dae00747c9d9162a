import "server-only";
import { db } from "@/lib/db";
import type { LearnerMembership } from "@/lib/auth/access";
import type { LearnerPortfolio, PublicPortfolio } from "@/lib/features/portfolio/types";
import { EVIDENCE_LINKS_SELECT } from "@/lib/features/progress/data";
import { pinnedCommit } from "@/lib/features/progress/link-kinds";
import { liveInOrder } from "@/lib/features/roadmaps/utils";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/** The roadmap's portfolio projects with the learner's status, latest evidence and the milestones each demonstrates. */
export async function getLearnerPortfolio(membership: LearnerMembership): Promise<LearnerPortfolio> {
  const [version, progress, user] = await Promise.all([
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: membership.versionId },
      relationLoadStrategy: "join",
      select: {
        milestones: { where: { archivedAt: null }, select: { key: true, title: true } },
        projects: liveInOrder({ key: true, title: true, description: true, milestoneKeys: true }),
      },
    }),
    db.progress.findMany({
      where: { membershipId: membership.membershipId },
      relationLoadStrategy: "join",
      select: {
        itemKey: true,
        status: true,
        submissions: {
          where: { status: { not: "withdrawn" } },
          orderBy: { attempt: "desc" },
          take: 1,
          select: { links: EVIDENCE_LINKS_SELECT },
        },
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: membership.userId }, select: { handle: true, portfolioPublic: true } }),
  ]);
  const byKey = new Map(progress.map((row) => [row.itemKey, row]));
  const titles = new Map(version.milestones.map((milestone) => [milestone.key, milestone.title]));
  const statusOf = (key: string): ProgressStatus => byKey.get(key)?.status ?? "not_started";
  return {
    cohortId: membership.cohortId,
    cohortName: membership.cohortName,
    handle: user.handle,
    isPublic: user.portfolioPublic,
    projects: version.projects.map((project) => ({
      key: project.key,
      title: project.title,
      description: project.description,
      status: statusOf(project.key),
      evidence: byKey.get(project.key)?.submissions[0]?.links ?? [],
      demonstrates: project.milestoneKeys
        .filter((key) => titles.has(key))
        .map((key) => ({ key, title: titles.get(key)!, status: statusOf(key) })),
    })),
  };
}

/**
 * The public page: only attempts a mentor approved, with approver and date, and nothing
 * else about the person. Opted-out, unknown and deactivated handles all read as missing.
 */
export async function getPublicPortfolio(handle: string): Promise<PublicPortfolio | null> {
  const user = await db.user.findFirst({
    where: { handle, portfolioPublic: true, deactivatedAt: null },
    relationLoadStrategy: "join",
    select: {
      handle: true,
      memberships: {
        where: { role: "learner" },
        select: {
          cohort: {
            select: {
              roadmapVersion: {
                select: {
                  milestones: { select: { key: true, title: true } },
                  projects: { select: { key: true, title: true } },
                },
              },
            },
          },
          progress: {
            where: { status: "approved" },
            select: {
              itemKey: true,
              submissions: {
                where: { status: "approved", review: { decision: "approve" } },
                select: {
                  links: EVIDENCE_LINKS_SELECT,
                  review: { select: { createdAt: true, reviewer: { select: { name: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!user?.handle) return null;
  const items = user.memberships.flatMap((membership) => {
    const version = membership.cohort.roadmapVersion;
    const projects = new Map(version.projects.map((p) => [p.key, p.title]));
    const milestones = new Map(version.milestones.map((m) => [m.key, m.title]));
    return membership.progress.flatMap((row) =>
      row.submissions.map((submission) => ({
        title: projects.get(row.itemKey) ?? milestones.get(row.itemKey) ?? row.itemKey,
        kind: projects.has(row.itemKey) ? ("project" as const) : ("milestone" as const),
        approvedBy: submission.review!.reviewer.name,
        approvedAt: submission.review!.createdAt.toISOString(),
        links: submission.links.map((link) => {
          let commit: string | null = null;
          try {
            commit = pinnedCommit(new URL(link.url));
          } catch {
            commit = null;
          }
          return { ...link, commit };
        }),
      })),
    );
  });
  items.sort((a, b) => (a.kind === b.kind ? b.approvedAt.localeCompare(a.approvedAt) : a.kind === "project" ? -1 : 1));
  return { handle: user.handle, items };
}
