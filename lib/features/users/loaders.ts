import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getRoles } from "@/lib/auth/access";
import { getResetLanding, listUsers } from "@/lib/features/users/data";
import { allowedAreas, canAdministerUsers } from "@/lib/features/users/policy";
import { resetTokenSchema, userListParamsSchema } from "@/lib/features/users/schema";
import type { AdminUsersPage, NavArea, ResetLanding } from "@/lib/features/users/types";

/** The areas a person may use, from the database: admin flag and active cohort roles. */
export const loadNavAreas = cache(async (viewer: Viewer): Promise<NavArea[]> => {
  return allowedAreas(viewer, viewer.roles ?? (await getRoles(viewer.id)));
});

/** Learner → their roadmap, mentor → "Review queue", admin → admin home; someone with no role yet → /welcome. */
export async function loadHomePath(viewer: Viewer): Promise<string> {
  const areas = await loadNavAreas(viewer);
  if (areas.includes("admin")) return "/admin";
  if (areas.includes("mentor")) return "/reviews";
  if (areas.includes("learner")) return "/roadmap";
  return "/welcome";
}

/**
 * The learner pages (roadmap, milestone, portfolio, check-ins) for someone who learns in no cohort: their home
 * instead of a 404 — /welcome until they join one, the review queue for a mentor. It reads only the roles the viewer
 * already carries, so it costs no statement, and says nothing about any cohort named in the address.
 */
export async function requireLearnerArea(viewer: Viewer): Promise<void> {
  if (!(await loadNavAreas(viewer)).includes("learner")) redirect(await loadHomePath(viewer));
}

/** Admin → Users: one page of people for the URL's filters. Bad params fall back to no filter / page 1. */
export const loadAdminUsersPage = cache(async (viewer: Viewer, searchParams: Record<string, string | string[] | undefined>): Promise<AdminUsersPage> => {
  if (!canAdministerUsers(viewer)) notFound();
  return listUsers(userListParamsSchema.parse(searchParams), viewer.id);
});

/** Public: whether a reset link still works. A malformed token is just another invalid one. */
export const loadResetLanding = cache(async (token: string): Promise<ResetLanding> => {
  if (!resetTokenSchema.safeParse(token).success) return { valid: false };
  return getResetLanding(token);
});
