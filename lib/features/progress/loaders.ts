import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getLearnerMembership } from "@/lib/auth/access";
import { getLearnerItem, getLearnerRoadmap } from "@/lib/features/progress/data";
import { isUuid } from "@/lib/ids";

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The viewer's own learner membership; another cohort, a malformed id or none at all is a 404. */
const loadMembership = cache(async (viewer: Viewer, cohortId?: string) => {
  if (cohortId !== undefined && !isUuid(cohortId)) notFound();
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) notFound();
  return membership;
});

export const loadLearnerRoadmap = cache(async (viewer: Viewer, cohortId?: string) => {
  return getLearnerRoadmap(await loadMembership(viewer, cohortId));
});

export const loadLearnerItem = cache(async (viewer: Viewer, key: string, cohortId?: string) => {
  if (!KEY.test(key)) notFound();
  const item = await getLearnerItem(await loadMembership(viewer, cohortId), key);
  if (!item) notFound();
  return item;
});
