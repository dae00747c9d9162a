"use server";

// Every export here is a public endpoint (docs/decisions/005). Each action resolves the viewer from the session,
// reads the admin flag from the database (requireAdminForAction), validates with a strict schema, and only then parses or
// writes. Anyone who is not an admin gets the same "not found" as a page that does not exist, and nothing is written.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { findRoadmapBySlug, getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { roadmapImportSchema } from "@/lib/features/roadmaps/schema";
import type { RoadmapImportPreviewResult, RoadmapImportResult } from "@/lib/features/roadmaps/types";
import {
  compareRoadmapKeys,
  countRoadmapDocument,
  openDraftMessage,
  parseRoadmapImport,
  roadmapVersionHref,
} from "@/lib/features/roadmaps/utils";

/** Import screen → "Preview": parses and describes what an import would create. Writes nothing. */
export async function previewRoadmapImportAction(input: unknown): Promise<ActionResult<RoadmapImportPreviewResult>> {
  return runAction(async (): Promise<RoadmapImportPreviewResult> => {
    await requireAdminForAction();
    const { format, text } = parseInput(roadmapImportSchema, input);
    const parsed = parseRoadmapImport(format, text);
    if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
    const { document } = parsed;

    const existing = await findRoadmapBySlug(document.slug);
    const latest = existing?.versions[0];
    const draft = existing?.versions.find((version) => version.status === "draft");
    const previous = latest ? await getRoadmapDocument(latest.id) : null;
    return {
      status: "ready",
      preview: {
        title: document.title,
        slug: document.slug,
        target: existing
          ? { kind: "next-version", roadmapId: existing.id, roadmapName: existing.name, number: (latest?.number ?? 0) + 1 }
          : { kind: "new" },
        blockedBy: draft ? openDraftMessage(draft.number) : null,
        counts: countRoadmapDocument(document),
        outline: document.phases.map((phase) => ({
          key: phase.key,
          title: phase.title,
          milestones: phase.milestones.map((milestone) => ({ key: milestone.key, title: milestone.title })),
        })),
        changes: previous && latest ? { comparedWith: latest.number, ...compareRoadmapKeys(previous, document) } : null,
      },
    };
  });
}

/**
 * Import screen → "Import as draft": parses and validates the text again (the preview is never trusted) and writes
 * it as a draft version in one transaction, refused when the roadmap already has an open draft.
 */
export async function importRoadmapAction(input: unknown): Promise<ActionResult<RoadmapImportResult>> {
  return runAction(async (): Promise<RoadmapImportResult> => {
    const actor = await actorOf(await requireAdminForAction());
    const { format, text } = parseInput(roadmapImportSchema, input);
    const parsed = parseRoadmapImport(format, text);
    if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
    const imported = await importRoadmapDocument(parsed.document, { status: "draft", actor });
    return {
      status: "imported",
      roadmapId: imported.roadmapId,
      number: imported.number,
      href: roadmapVersionHref(imported.roadmapId, imported.number),
    };
  });
}
