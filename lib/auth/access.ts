import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";

// The access primitives every feature authorizes with: who a viewer is in a cohort, read from the database on
// every call (docs/decisions/016). Cohort management, reviews, progress and check-ins all ask here, so none of
// them depends on another feature to learn whether the viewer may be there.

export type LearnerMembership = {
  membershipId: string;
  userId: string;
  cohortId: string;
  cohortName: string;
  versionId: string;
  /** The learner's own start date when set, else the cohort's. */
  startDate: Date;
  extensionDays: number;
  weeksPerPhase: number;
  timezone: string;
};

/** What a learner membership is read with, by `getLearnerMembership` and by features that read one learner. */
export const LEARNER_MEMBERSHIP_SELECT = {
  id: true,
  userId: true,
  startDate: true,
  extensionDays: true,
  cohort: {
    select: { id: true, name: true, versionId: true, startDate: true, weeksPerPhase: true, timezone: true },
  },
} as const;

type LearnerMembershipRow = {
  id: string;
  userId: string;
  startDate: Date | null;
  extensionDays: number;
  cohort: { id: string; name: string; versionId: string; startDate: Date; weeksPerPhase: number; timezone: string };
};

/** A membership read with LEARNER_MEMBERSHIP_SELECT, as the learner's pages use it. */
export function learnerMembershipOf(membership: LearnerMembershipRow): LearnerMembership {
  const { cohort } = membership;
  return {
    membershipId: membership.id,
    userId: membership.userId,
    cohortId: cohort.id,
    cohortName: cohort.name,
    versionId: cohort.versionId,
    startDate: membership.startDate ?? cohort.startDate,
    extensionDays: membership.extensionDays,
    weeksPerPhase: cohort.weeksPerPhase,
    timezone: cohort.timezone,
  };
}

/**
 * The viewer's own active learner membership in a cohort (or their first one).
 * Scope comes from the viewer's id, so another person's cohort reads as missing.
 */
export async function getLearnerMembership(userId: string, cohortId?: string): Promise<LearnerMembership | null> {
  const membership = await db.membership.findFirst({
    where: { userId, role: "learner", removedAt: null, cohort: { archivedAt: null }, ...(cohortId ? { cohortId } : {}) },
    orderBy: { createdAt: "asc" },
    select: LEARNER_MEMBERSHIP_SELECT,
  });
  return membership ? learnerMembershipOf(membership) : null;
}

export type Roles = { mentorCohortIds: string[]; learnerCohortIds: string[] };

/** The memberships that give someone a role: active ones in cohorts that are not archived. */
export const ROLE_MEMBERSHIPS = { where: { removedAt: null, cohort: { archivedAt: null } }, select: { role: true, cohortId: true } } as const;

export function rolesOf(memberships: { role: "learner" | "mentor"; cohortId: string }[]): Roles {
  return {
    mentorCohortIds: memberships.filter((m) => m.role === "mentor").map((m) => m.cohortId),
    learnerCohortIds: memberships.filter((m) => m.role === "learner").map((m) => m.cohortId),
  };
}

/** Which homes a person has: the cohorts they mentor and learn in. */
export async function getRoles(userId: string): Promise<Roles> {
  return rolesOf(await db.membership.findMany({ where: { userId, ...ROLE_MEMBERSHIPS.where }, select: ROLE_MEMBERSHIPS.select }));
}

export type CohortAccess = {
  cohortId: string;
  cohortName: string;
  versionId: string;
  timezone: string;
  reviewTargetHours: number;
  /** "mentor" when the viewer actively mentors the cohort; "admin" when they see it as an instance admin. */
  as: "mentor" | "admin";
};

/**
 * Whether the viewer may act on a cohort as its mentor (or as an admin, who can do everything).
 * Read from the database on every request, so a mentor removed a moment ago is refused at once; within one page
 * render the answer is shared, so a page whose sections each check the cohort asks the database once.
 * Learners of the cohort, other cohorts' mentors and archived cohorts all get null.
 */
export const getCohortAccess = cache(
  async (viewer: { id: string; isAdmin: boolean }, cohortId: string): Promise<CohortAccess | null> => {
    const cohort = await db.cohort.findFirst({
      where: { id: cohortId, archivedAt: null },
      select: {
        id: true,
        name: true,
        versionId: true,
        timezone: true,
        reviewTargetHours: true,
        memberships: { where: { userId: viewer.id, role: "mentor", removedAt: null }, select: { id: true } },
      },
    });
    if (!cohort) return null;
    const mentors = cohort.memberships.length > 0;
    if (!mentors && !viewer.isAdmin) return null;
    return {
      cohortId: cohort.id,
      cohortName: cohort.name,
      versionId: cohort.versionId,
      timezone: cohort.timezone,
      reviewTargetHours: cohort.reviewTargetHours,
      as: mentors ? "mentor" : "admin",
    };
  },
);

/**
 * `getCohortAccess` for a cohort id from an address: a signed-out caller and a malformed id are null like any other
 * cohort the viewer may not see, so every cohort page and export answers them with the same 404.
 */
export async function cohortAccessOrNull(viewer: { id: string; isAdmin: boolean } | null, cohortId: string): Promise<CohortAccess | null> {
  if (!viewer || !isUuid(cohortId)) return null;
  return getCohortAccess(viewer, cohortId);
}
