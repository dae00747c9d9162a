import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getLearnerMembership } from "@/lib/features/cohorts/data";
import { isUuid } from "@/lib/ids";
import { getLearnerRoadmap } from "@/lib/features/progress/data";

/** The viewer's roadmap in one of their learner cohorts; anything else is a 404. */
export const loadLearnerRoadmap = cache(async (viewer: Viewer, cohortId?: string) => {
  if (cohortId !== undefined && !isUuid(cohortId)) notFound();
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) notFound();
  return getLearnerRoadmap(membership);
});
