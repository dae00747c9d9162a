import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getLearnerMembership } from "@/lib/auth/access";
import { getCheckinDetail, getCheckinScope, getCheckinsPage } from "@/lib/features/checkins/data";
import { canReadCheckin } from "@/lib/features/checkins/policy";
import type { CheckinDetail, CheckinsPage } from "@/lib/features/checkins/types";
import { isUuid } from "@/lib/ids";

/**
 * The viewer's "Check-ins" page in one of their learner cohorts (default: their first);
 * any other cohort is a 404. `now` is a parameter so tests can stand on a chosen day.
 */
export const loadCheckinsPage = cache(async (viewer: Viewer, cohortId?: string, now: Date = new Date()): Promise<CheckinsPage> => {
  if (cohortId !== undefined && !isUuid(cohortId)) notFound();
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) notFound();
  return getCheckinsPage(membership, viewer.id, now);
});

/** One check-in by id for its learner, a mentor of its cohort or an admin; otherwise the same 404 as a random id. */
export const loadCheckin = cache(async (viewer: Viewer, checkinId: string): Promise<CheckinDetail> => {
  if (!isUuid(checkinId)) notFound();
  const found = await getCheckinScope(checkinId, viewer.id);
  if (!found || !canReadCheckin(viewer, found.scope)) notFound();
  const detail = await getCheckinDetail(checkinId, viewer.id);
  if (!detail) notFound();
  return detail;
});
