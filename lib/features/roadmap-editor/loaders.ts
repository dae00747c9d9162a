import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getEditorVersion, getRoadmapOverview, listRoadmaps } from "@/lib/features/roadmap-editor/data";

// Admin pages: anyone else gets the same 404 as a missing page (SPEC §3).
function adminOnly(viewer: Viewer) {
  if (!viewer.isAdmin) notFound();
}

export const loadRoadmapList = cache(async (viewer: Viewer) => {
  adminOnly(viewer);
  return listRoadmaps();
});

export const loadRoadmapOverview = cache(async (viewer: Viewer, roadmapId: string) => {
  adminOnly(viewer);
  if (!/^[0-9a-f-]{36}$/i.test(roadmapId)) notFound();
  return (await getRoadmapOverview(roadmapId)) ?? notFound();
});

export const loadVersionEditor = cache(async (viewer: Viewer, roadmapId: string, number: string) => {
  adminOnly(viewer);
  const parsed = Number(number);
  if (!/^[0-9a-f-]{36}$/i.test(roadmapId) || !Number.isSafeInteger(parsed) || parsed < 1) notFound();
  return (await getEditorVersion(roadmapId, parsed)) ?? notFound();
});
