// The JSON export format: `{ format: "cairn.roadmap/v1", roadmap: RoadmapDocument }`, read with the document
// schema (schema.ts) and written with a fixed key order. The format only reads and writes; every rule about what a
// roadmap may hold lives in the schema, so the Markdown format and the editor apply the same ones.
import { z } from "zod";

import { fileTooLargeMessage, ROADMAP_LIMITS } from "@/lib/features/roadmaps/constants";
import {
  findRoadmapRuleIssues,
  issueFromZod,
  quote,
  roadmapDocumentFieldsSchema,
  zodMessage,
} from "@/lib/features/roadmaps/schema";
import type { DescribePath, RoadmapDocument, RoadmapParseError, RoadmapParseResult } from "@/lib/features/roadmaps/types";
import { formatRoadmapPath } from "@/lib/features/roadmaps/utils";

export const ROADMAP_JSON_FORMAT = "cairn.roadmap/v1";

const describeInExport: DescribePath = (path) => formatRoadmapPath(["roadmap", ...path]);

/** The JSON export: `{ format: "cairn.roadmap/v1", roadmap: RoadmapDocument }`. */
export const roadmapExportSchema = z
  .strictObject({
    format: z.literal(ROADMAP_JSON_FORMAT, {
      error: (issue) =>
        `This is not a Cairn roadmap export: "format" must be "${ROADMAP_JSON_FORMAT}"${issue.input === undefined ? "" : `, not ${quote(issue.input)}`}.`,
    }),
    roadmap: roadmapDocumentFieldsSchema,
  })
  .superRefine((value, context) => {
    for (const issue of findRoadmapRuleIssues(value.roadmap, describeInExport)) {
      context.addIssue({
        code: "custom",
        path: ["roadmap", ...issue.path],
        message: issue.message,
        params: { code: issue.code },
      });
    }
  });

export type RoadmapExport = { format: typeof ROADMAP_JSON_FORMAT; roadmap: RoadmapDocument };

function lineAtOffset(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/).length;
}

export function parseRoadmapJson(text: string): RoadmapParseResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > ROADMAP_LIMITS.fileBytes) {
    return {
      ok: false,
      errors: [{ line: 1, message: fileTooLargeMessage(bytes) }],
    };
  }
  if (text.trim() === "") return { ok: false, errors: [{ line: 1, message: "The file is empty." }] };

  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail)?.[1];
    const lineMatch = /line (\d+)/.exec(detail)?.[1];
    const line = lineMatch ? Number(lineMatch) : position ? lineAtOffset(text, Number(position)) : 1;
    return { ok: false, errors: [{ line, message: `The file is not valid JSON: ${detail}` }] };
  }

  const parsed = roadmapExportSchema.safeParse(data, { error: zodMessage });
  if (!parsed.success) {
    const errors: RoadmapParseError[] = parsed.error.issues.map((issue) => {
      const { path, message } = issueFromZod(issue);
      if (path.length === 0) return { line: 1, message };
      const where = formatRoadmapPath(path);
      return { line: 1, message: `${where}: ${message}`, path: where };
    });
    return { ok: false, errors };
  }
  return { ok: true, document: parsed.data.roadmap };
}

/** Pretty JSON with a fixed key order, so two exports of the same roadmap are byte-identical. */
export function serializeRoadmapJson(document: RoadmapDocument): string {
  const roadmap: RoadmapDocument = {
    title: document.title,
    slug: document.slug,
    summary: document.summary,
    phases: document.phases.map((phase) => ({
      key: phase.key,
      title: phase.title,
      description: phase.description,
      milestones: phase.milestones.map((milestone) => ({
        key: milestone.key,
        title: milestone.title,
        description: milestone.description,
        doneWhen: [...milestone.doneWhen],
        resources: milestone.resources.map((resource) => ({ label: resource.label, url: resource.url })),
        evidence: milestone.evidence,
        reviewRequired: milestone.reviewRequired,
        effortHours: milestone.effortHours,
      })),
    })),
    projects: document.projects.map((project) => ({
      key: project.key,
      title: project.title,
      description: project.description,
      doneWhen: [...project.doneWhen],
      evidence: project.evidence,
      reviewRequired: project.reviewRequired,
      milestoneKeys: [...project.milestoneKeys],
    })),
    weeklyRule: [...document.weeklyRule],
    criteria: document.criteria.map((criterion) => ({ key: criterion.key, text: criterion.text })),
    notes: document.notes.map((note) => ({ title: note.title, body: note.body })),
  };
  const payload: RoadmapExport = { format: ROADMAP_JSON_FORMAT, roadmap };
  return `${JSON.stringify(payload, null, 2)}\n`;
}

/**
 * The JSON Schema of the export format (docs/roadmap.schema.json), generated from the zod schema so the two cannot
 * drift; a test compares it with the committed file. It states the shape, types, lengths and key pattern; Cairn
 * checks more than JSON Schema can say (trimmed one-line texts, http/https links, closed code blocks, unique keys,
 * "Demonstrates" keys that name milestones), and reports those with the same paths.
 */
export function roadmapJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(roadmapExportSchema, { io: "input", target: "draft-2020-12" });
  return {
    $schema,
    title: `Cairn roadmap export (${ROADMAP_JSON_FORMAT})`,
    description:
      "One roadmap version as exported by Cairn. Documented in docs/roadmap-format.md; generated from lib/features/roadmaps/schema.ts and json.ts.",
    ...schema,
  };
}

/** The committed file's exact text: pretty-printed, with a final newline. */
export function formatRoadmapJsonSchema(): string {
  return `${JSON.stringify(roadmapJsonSchema(), null, 2)}\n`;
}
