import "server-only";
import { safeTimeZone } from "@/lib/calendar-zones";
import { db } from "@/lib/db";
import type { AccountSettings, MyCohort } from "@/lib/features/account/types";

/** Settings' profile, in one statement with the cohort whose zone dates fall back to. */
export async function getAccountSettings(userId: string): Promise<AccountSettings | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      handle: true,
      timeZone: true,
      createdAt: true,
      memberships: {
        where: { removedAt: null, cohort: { archivedAt: null } },
        orderBy: { createdAt: "asc" },
        select: { role: true, cohort: { select: { timezone: true } } },
      },
    },
  });
  if (!user) return null;
  const cohortZone = user.memberships[0]?.cohort.timezone;
  return {
    name: user.name,
    email: user.email,
    handle: user.handle,
    hasPortfolio: user.memberships.some((membership) => membership.role === "learner"),
    timeZone: user.timeZone,
    displayTimeZone: safeTimeZone(user.timeZone ?? cohortZone ?? "UTC"),
    memberSince: user.createdAt.toISOString(),
  };
}

/** The cohorts a person is an active member of, oldest membership first, with their role in each. */
export async function listMyCohorts(userId: string): Promise<MyCohort[]> {
  const memberships = await db.membership.findMany({
    where: { userId, removedAt: null, cohort: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { role: true, cohort: { select: { id: true, name: true } } },
  });
  return memberships.map(({ role, cohort }) => ({ id: cohort.id, name: cohort.name, role }));
}
