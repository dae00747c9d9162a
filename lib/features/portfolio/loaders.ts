import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getLearnerMembership } from "@/lib/auth/access";
import { getLearnerPortfolio, getPublicPortfolio } from "@/lib/features/portfolio/data";
import { HANDLE_PATTERN } from "@/lib/features/portfolio/schema";
import { isUuid } from "@/lib/ids";

export const loadPortfolio = cache(async (viewer: Viewer, cohortId?: string) => {
  if (cohortId !== undefined && !isUuid(cohortId)) notFound();
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) notFound();
  return getLearnerPortfolio(membership);
});

/** Public, no session: anyone may read an opted-in portfolio. */
export const loadPublicPortfolio = cache(async (handle: string) => {
  if (!HANDLE_PATTERN.test(handle)) notFound();
  const portfolio = await getPublicPortfolio(handle);
  if (!portfolio) notFound();
  return portfolio;
});
