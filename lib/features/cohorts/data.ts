import "server-only";
import { db } from "@/lib/db";
import type {
  AdminCohortRow,
  CohortMembersPage,
  CohortSettingsValues,
  MemberRow,
  MoveItem,
  VersionMovePreview,
  VersionOption,
} from "@/lib/features/cohorts/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayOfDate } from "@/lib/calendar";
import { diffVersionItems } from "@/lib/features/cohorts/utils";

// ——— Cohort management (admins and the cohort's mentors). Callers authorize first with getCohortAccess. ———

const versionOptionSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  roadmap: { select: { id: true, name: true } },
} as const;

function toVersionOption(version: {
  id: string;
  number: number;
  title: string;
  status: VersionOption["status"];
  roadmap: { id: string; name: string };
}): VersionOption {
  return { id: version.id, roadmapId: version.roadmap.id, roadmapName: version.roadmap.name, number: version.number, title: version.title, status: version.status };
}

/** Every published version a cohort may follow, grouped by roadmap, newest first. */
export async function listPublishedVersions(): Promise<VersionOption[]> {
  const versions = await db.roadmapVersion.findMany({
    where: { status: "published", roadmap: { archivedAt: null } },
    orderBy: [{ roadmap: { name: "asc" } }, { number: "desc" }],
    select: versionOptionSelect,
  });
  return versions.map(toVersionOption);
}

export async function getVersionOption(versionId: string): Promise<VersionOption | null> {
  const version = await db.roadmapVersion.findUnique({ where: { id: versionId }, select: versionOptionSelect });
  return version ? toVersionOption(version) : null;
}

/** All cohorts that are not archived, for the admin list; a fixed number of statements whatever the count. */
export async function listAdminCohorts(): Promise<AdminCohortRow[]> {
  const cohorts = await db.cohort.findMany({
    where: { archivedAt: null },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    relationLoadStrategy: "join",
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      roadmapVersion: { select: { number: true, roadmap: { select: { name: true } } } },
      memberships: {
        where: { removedAt: null, role: "mentor" },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { name: true } } },
      },
      _count: { select: { memberships: { where: { removedAt: null, role: "learner" } } } },
    },
  });
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort.name,
    roadmapName: cohort.roadmapVersion.roadmap.name,
    versionNumber: cohort.roadmapVersion.number,
    startDate: dayOfDate(cohort.startDate),
    endDate: cohort.endDate ? dayOfDate(cohort.endDate) : null,
    mentors: cohort.memberships.map((membership) => membership.user.name),
    learners: cohort._count.memberships,
  }));
}

/** A cohort's own fields, as the settings form edits them and the audit compares them. */
export const COHORT_SETTINGS_SELECT = {
  name: true,
  startDate: true,
  endDate: true,
  weeksPerPhase: true,
  reviewTargetHours: true,
  timezone: true,
  inactivityDays: true,
  behindPaceBy: true,
  changesRequestedDays: true,
  phaseSlippedDays: true,
} satisfies Prisma.CohortSelect;

export async function getCohortSettings(
  cohortId: string,
): Promise<{ settings: CohortSettingsValues; version: VersionOption } | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, archivedAt: null },
    select: { ...COHORT_SETTINGS_SELECT, lockVersion: true, roadmapVersion: { select: versionOptionSelect } },
  });
  if (!cohort) return null;
  return {
    settings: {
      name: cohort.name,
      startDate: dayOfDate(cohort.startDate),
      endDate: cohort.endDate ? dayOfDate(cohort.endDate) : null,
      weeksPerPhase: cohort.weeksPerPhase,
      reviewTargetHours: cohort.reviewTargetHours,
      timezone: cohort.timezone,
      inactivityDays: cohort.inactivityDays,
      behindPaceBy: cohort.behindPaceBy,
      changesRequestedDays: cohort.changesRequestedDays,
      phaseSlippedDays: cohort.phaseSlippedDays,
      lockVersion: cohort.lockVersion,
    },
    version: toVersionOption(cohort.roadmapVersion),
  };
}

/** Members (active and removed) of one cohort: two statements whatever its size. */
export async function getCohortMembers(
  cohortId: string,
  viewerId: string,
): Promise<Omit<CohortMembersPage, "as"> | null> {
  const [cohort, memberships] = await Promise.all([
    db.cohort.findFirst({ where: { id: cohortId, archivedAt: null }, select: { name: true, startDate: true, timezone: true } }),
    db.membership.findMany({
      where: { cohortId },
      orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
      relationLoadStrategy: "join",
      select: {
        id: true,
        userId: true,
        role: true,
        startDate: true,
        extensionDays: true,
        removedAt: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
      },
    }),
  ]);
  if (!cohort) return null;
  const cohortStartDate = dayOfDate(cohort.startDate);
  const rows: MemberRow[] = memberships.map((membership) => ({
    membershipId: membership.id,
    userId: membership.userId,
    name: membership.user.name,
    email: membership.user.email,
    role: membership.role,
    startDate: membership.startDate ? dayOfDate(membership.startDate) : null,
    effectiveStartDate: membership.startDate ? dayOfDate(membership.startDate) : cohortStartDate,
    extensionDays: membership.extensionDays,
    joinedAt: membership.createdAt.toISOString(),
    removedAt: membership.removedAt?.toISOString() ?? null,
    isViewer: membership.userId === viewerId,
  }));
  return {
    cohortId,
    cohortName: cohort.name,
    cohortStartDate,
    timezone: cohort.timezone,
    learners: rows.filter((row) => !row.removedAt && row.role === "learner"),
    mentors: rows.filter((row) => !row.removedAt && row.role === "mentor"),
    removed: rows.filter((row) => row.removedAt),
  };
}

/** A membership with the cohort it belongs to; actions authorize against that cohort, never one the client names. */
export async function getMembershipScope(membershipId: string) {
  return db.membership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      cohortId: true,
      userId: true,
      role: true,
      removedAt: true,
      startDate: true,
      startDateByMentor: true,
      extensionDays: true,
      user: { select: { name: true } },
      cohort: { select: { startDate: true, timezone: true } },
    },
  });
}

/** The milestones and projects of a version in roadmap order, archived ones left out. */
export async function getVersionItems(versionId: string): Promise<MoveItem[]> {
  const version = await db.roadmapVersion.findUnique({
    where: { id: versionId },
    relationLoadStrategy: "join",
    select: {
      phases: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          title: true,
          milestones: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { key: true, title: true } },
        },
      },
      projects: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { key: true, title: true } },
    },
  });
  if (!version) return [];
  return [
    ...version.phases.flatMap((phase) =>
      phase.milestones.map((milestone) => ({ ...milestone, kind: "milestone" as const, phaseTitle: phase.title })),
    ),
    ...version.projects.map((project) => ({ ...project, kind: "project" as const, phaseTitle: null })),
  ];
}

/**
 * What moving a cohort from its current version to another carries over, by key. For keys that
 * leave the roadmap it counts the learners with work on them and their attempts: that work stays.
 */
export async function getVersionMovePreview(
  cohortId: string,
  fromVersionId: string,
  toVersionId: string,
): Promise<VersionMovePreview | null> {
  const [from, to, currentItems, targetItems, note] = await Promise.all([
    getVersionOption(fromVersionId),
    getVersionOption(toVersionId),
    getVersionItems(fromVersionId),
    getVersionItems(toVersionId),
    db.roadmapVersion.findUnique({ where: { id: toVersionId }, select: { releaseNote: true } }),
  ]);
  if (!from || !to) return null;
  const { kept, added, dropped } = diffVersionItems(currentItems, targetItems);
  const work = dropped.length
    ? await db.progress.findMany({
        where: {
          itemKey: { in: dropped.map((item) => item.key) },
          membership: { cohortId, role: "learner", removedAt: null },
          OR: [{ status: { not: "not_started" } }, { submissions: { some: {} } }],
        },
        select: { itemKey: true, _count: { select: { submissions: true } } },
      })
    : [];
  const learners = new Map<string, number>();
  const attempts = new Map<string, number>();
  for (const row of work) {
    learners.set(row.itemKey, (learners.get(row.itemKey) ?? 0) + 1);
    attempts.set(row.itemKey, (attempts.get(row.itemKey) ?? 0) + row._count.submissions);
  }
  return {
    from,
    to,
    releaseNote: note?.releaseNote ?? null,
    kept,
    added,
    dropped: dropped.map((item) => ({ ...item, learners: learners.get(item.key) ?? 0, attempts: attempts.get(item.key) ?? 0 })),
  };
}

