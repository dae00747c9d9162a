import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import {
  findRoadmapVersion,
  getEditorVersion,
  getRoadmapDocument,
  getRoadmapOverview,
  listRoadmaps,
  roadmapExportFile,
} from "@/lib/features/roadmaps/data";
import { canManageRoadmaps } from "@/lib/features/roadmaps/policy";
import type { RoadmapExportFormat } from "@/lib/features/roadmaps/types";
import { isUuid } from "@/lib/ids";

/** Version numbers are PostgreSQL integers; a longer number in the URL is a version that cannot exist. */
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;

export const loadRoadmapList = cache(async (viewer: Viewer) => {
  if (!canManageRoadmaps(viewer)) notFound();
  return listRoadmaps();
});

export const loadRoadmapOverview = cache(async (viewer: Viewer, roadmapId: string) => {
  if (!canManageRoadmaps(viewer)) notFound();
  if (!isUuid(roadmapId)) notFound();
  return (await getRoadmapOverview(roadmapId)) ?? notFound();
});

export const loadVersionEditor = cache(async (viewer: Viewer, roadmapId: string, number: string) => {
  if (!canManageRoadmaps(viewer)) notFound();
  if (!isUuid(roadmapId) || !VERSION_NUMBER.test(number)) notFound();
  return (await getEditorVersion(roadmapId, Number(number))) ?? notFound();
});

/**
 * Admin → roadmap → "Export": one version (the latest published one when no number is given) as a Markdown or
 * JSON file. Null for a non-admin and for an unknown roadmap or version alike, so the route answers all of them
 * with the same plain 404.
 */
export const loadRoadmapExport = cache(
  async (viewer: Viewer | null, roadmapId: string, number: number | undefined, format: RoadmapExportFormat) => {
    if (!canManageRoadmaps(viewer)) return null;
    const version = await findRoadmapVersion(roadmapId, number);
    if (!version) return null;
    return roadmapExportFile(await getRoadmapDocument(version.id), version.number, format);
  },
);
