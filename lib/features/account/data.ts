import "server-only";
import { safeTimeZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { AccountSettings } from "@/lib/features/account/types";

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
