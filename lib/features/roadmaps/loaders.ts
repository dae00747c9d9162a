import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getEditorVersion, getRoadmapOverview, listRoadmaps } from "@/lib/features/roadmaps/data";
import { canManageRoadmaps } from "@/lib/features/roadmaps/policy";
import { isUuid } from "@/lib/ids";

/** Version numbers are PostgreSQL integers; a longer number in the URL is a version that cannot exist. */
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;

// Admin pages: anyone else gets the same 404 as a missing page (docs/product.md, "Roles and scope").
function adminOnly(viewer: Viewer) {
  if (!canManageRoadmaps(viewer)) notFound();
}

export const loadRoadmapList = cache(async (viewer: Viewer) => {
  adminOnly(viewer);
  return listRoadmaps();
});

export const loadRoadmapOverview = cache(async (viewer: Viewer, roadmapId: string) => {
  adminOnly(viewer);
  if (!isUuid(roadmapId)) notFound();
  return (await getRoadmapOverview(roadmapId)) ?? notFound();
});

export const loadVersionEditor = cache(async (viewer: Viewer, roadmapId: string, number: string) => {
  adminOnly(viewer);
  if (!isUuid(roadmapId) || !VERSION_NUMBER.test(number)) notFound();
  return (await getEditorVersion(roadmapId, Number(number))) ?? notFound();
});
