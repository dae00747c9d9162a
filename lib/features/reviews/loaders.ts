import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { listMentoredCohorts } from "@/lib/features/reviews/data";

/** Mentor home: only people who mentor at least one active cohort have one. */
export const loadMentorHome = cache(async (viewer: Viewer) => {
  const cohorts = await listMentoredCohorts(viewer.id);
  if (cohorts.length === 0) notFound();
  return { cohorts, waiting: cohorts.reduce((sum, cohort) => sum + cohort.waiting, 0) };
});
