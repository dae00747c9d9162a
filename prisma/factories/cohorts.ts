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

export async function addMember(cohortId: string, userId: string, role: MembershipRole) {
  return db.membership.create({ data: { cohortId, userId, role } });
}
