import "server-only";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getRoles } from "@/lib/features/cohorts/data";
import type { NavArea } from "@/lib/features/users/types";

/** The areas a person may use, from the database: admin flag and active cohort roles. */
export const loadNavAreas = cache(async (viewer: Viewer): Promise<NavArea[]> => {
  const roles = await getRoles(viewer.id);
  const areas: NavArea[] = [];
  if (roles.learnerCohortIds.length > 0) areas.push("learner");
  if (roles.mentorCohortIds.length > 0) areas.push("mentor");
  if (viewer.isAdmin) areas.push("admin");
  return areas;
});

/** Learner → their roadmap, mentor → "Review queue", admin → admin home; someone with no role yet → /welcome. */
export async function loadHomePath(viewer: Viewer): Promise<string> {
  const areas = await loadNavAreas(viewer);
  if (areas.includes("admin")) return "/admin";
  if (areas.includes("mentor")) return "/reviews";
  if (areas.includes("learner")) return "/roadmap";
  return "/welcome";
}
