import "server-only";
import { actorOf } from "@/lib/auth/actor";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { parseRoadmapImport } from "@/lib/features/roadmaps/data";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { canManageRoadmaps } from "@/lib/features/roadmaps/policy";
import type { RoadmapImportFormat, RoadmapImportResult } from "@/lib/features/roadmaps/types";
import { roadmapVersionHref } from "@/lib/features/roadmaps/utils";

// The roadmap writes the screens and the HTTP API share (decision 058): the viewer comes from the session or the
// token and is an admin as the database says now; anyone else is told the thing does not exist.

/**
 * "Import as draft": parses and validates the text (a preview is never trusted) and writes it as a draft version in
 * one transaction, refused while the roadmap already has an open draft. Publishing stays a step in the editor.
 */
export async function importRoadmapAs(viewer: Viewer, input: { format: RoadmapImportFormat; text: string }): Promise<RoadmapImportResult> {
  if (!canManageRoadmaps(viewer)) throw new AppError("NOT_FOUND", "This page does not exist.");
  const parsed = parseRoadmapImport(input.format, input.text);
  if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
  const imported = await importRoadmapDocument(parsed.document, { status: "draft", actor: await actorOf(viewer) });
  return {
    status: "imported",
    roadmapId: imported.roadmapId,
    number: imported.number,
    href: roadmapVersionHref(imported.roadmapId, imported.number),
  };
}
