import { parseRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import type { RoadmapParseResult } from "@/lib/features/roadmaps/types";

/** Picks the format by file name: `.json` is the JSON export, anything else is Markdown. */
export function parseRoadmapFile(fileName: string, text: string): RoadmapParseResult {
  return fileName.toLowerCase().endsWith(".json") ? parseRoadmapJson(text) : parseRoadmapMarkdown(text);
}

/** A nested Prisma select of a version's live (not archived) phases, milestones or projects, in roadmap order. */
export function liveInOrder<S>(select: S) {
  return { where: { archivedAt: null }, orderBy: { position: "asc" as const }, select };
}
