import { db } from "@/lib/db";
import type { MembershipRole } from "@/lib/generated/prisma/enums";

export async function createCohort({
  versionId,
  name = "Test Cohort",
  startDate = new Date("2027-01-04"),
  weeksPerPhase = 2,
  timezone,
}: {
  versionId: string;
  name?: string;
  startDate?: Date;
  weeksPerPhase?: number;
  timezone?: string;
}) {
  return db.cohort.create({ data: { versionId, name, startDate, weeksPerPhase, timezone } });
}

/** `joinedAt` backdates the membership (the demo's learners joined before the cohort started). */
export async function addMember(cohortId: string, userId: string, role: MembershipRole, joinedAt?: Date) {
  return db.membership.create({ data: { cohortId, userId, role, createdAt: joinedAt, updatedAt: joinedAt } });
}
