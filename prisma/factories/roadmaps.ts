import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { RoadmapMilestone } from "@/lib/features/roadmaps/types";

export const DEFAULT_ROADMAP_FILE = path.join(process.cwd(), "content", "roadmaps", "mlops-roadmap-2026.md");

export async function readDefaultRoadmap() {
  const parsed = parseRoadmapMarkdown(await readFile(DEFAULT_ROADMAP_FILE, "utf8"));
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) => `line ${error.line}: ${error.message}`).join("\n");
    throw new Error(`The default roadmap does not parse:\n${lines}`);
  }
  return parsed.document;
}

/** Imports the MLOps Roadmap 2026 through the same importer admins use. */
export async function importDefaultRoadmap() {
  return importRoadmapDocument(await readDefaultRoadmap());
}

/** A version's live milestones in roadmap order, phase by phase, with what tests and the demo pick them by. */
export function listMilestonesInOrder(versionId: string) {
  return db.milestone.findMany({
    where: { versionId, archivedAt: null },
    orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
    select: { key: true, title: true, reviewRequired: true, phase: { select: { position: true } } },
  });
}

/** A milestone of a roadmap document with every optional field at its default; tests override what they check. */
export function roadmapMilestone(key: string, overrides: Partial<RoadmapMilestone> = {}): RoadmapMilestone {
  return {
    key,
    title: `Milestone ${key}`,
    description: "",
    doneWhen: [],
    resources: [],
    evidence: "optional",
    reviewRequired: false,
    effortHours: null,
    ...overrides,
  };
}
