import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getEditorVersion, getRoadmapOverview, listRoadmaps } from "@/lib/features/roadmap-editor/data";
import { isUuid } from "@/lib/ids";

/** Version numbers are PostgreSQL integers; a longer number in the URL is a version that cannot exist. */
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;

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
