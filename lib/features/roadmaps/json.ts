// The JSON export format and the validation rules shared by every way a roadmap document enters Cairn.
//
// Both parsers (Markdown and JSON) end in `validateRoadmapDocument`, so a roadmap that one format accepts the
// other accepts too, and both reject the same things with the same sentences. Field rules (lengths, key shape,
// http/https links, one-line texts, closed code fences) live in the zod schema; rules that compare fields with
// each other (duplicate keys, "Demonstrates" keys, totals) live in `findRoadmapRuleIssues`. Each issue carries a
// path so the Markdown parser can turn it into a line number and the JSON parser into `roadmap.phases[0]…`.
//
// Text fields come out canonical (trimmed one-line texts; Markdown with `\n` line ends, blank lines emptied and
// leading/trailing blank lines removed) so that export → import gives back exactly the same document.
import { z } from "zod";

import { fileTooLargeMessage, ROADMAP_FILE_MAX_BYTES } from "@/lib/features/roadmaps/constants";
import { hasControlCharacters, type TextShape } from "@/lib/text-input";

import type {
  DescribePath,
  EvidenceRequirement,
  RoadmapDocument,
  RoadmapIssue,
  RoadmapIssueCode,
  RoadmapParseError,
  RoadmapParseResult,
  RoadmapPath,
  RoadmapValidationResult,
} from "@/lib/features/roadmaps/types";

export const ROADMAP_JSON_FORMAT = "cairn.roadmap/v1";

export const ROADMAP_LIMITS = {
  /** Import files (Markdown or JSON), in UTF-8 bytes. */
  fileBytes: ROADMAP_FILE_MAX_BYTES,
  keyLength: 60,
  titleLength: 200,
  /** "Done when" items, weekly rule items, success criteria, resource labels. */
  lineTextLength: 500,
  summaryLength: 10_000,
  /** Milestone, project and phase descriptions; note bodies. */
  markdownLength: 20_000,
  urlLength: 2048,
  phases: 30,
  milestonesPerPhase: 60,
  milestones: 400,
  projects: 40,
  doneWhenItems: 20,
  resources: 20,
  weeklyRuleItems: 14,
  criteria: 40,
  notes: 20,
  effortHours: 1000,
} as const;

export const EVIDENCE_REQUIREMENTS = ["none", "optional", "required"] as const satisfies readonly EvidenceRequirement[];

/** Lower-case ASCII words joined by single hyphens: what `slugify` produces and what `{#key}` must look like. */
export const ROADMAP_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `##` headings with a meaning in the Markdown format. A note with one of these titles would come back as
 * something else after export → import, so note titles may not use them.
 */
export const ROADMAP_SECTION_PATTERNS = {
  goal: /^goal$/i,
  phase: /^phase[ \t]+(\d+)\b[ \t]*(?:[:.\-–—][ \t]*)?(.*)$/is,
  projects: /^portfolio projects?$/i,
  weeklyRule: /^weekly execution rules?$/i,
  criteria: /^success criteria$/i,
} as const;

export function isReservedSectionTitle(title: string): boolean {
  const text = title.trim();
  return Object.values(ROADMAP_SECTION_PATTERNS).some((pattern) => pattern.test(text));
}

export type CodeFenceLineKind = "text" | "fence-open" | "fence-body" | "fence-close";

export type CodeFenceScan = {
  kinds: CodeFenceLineKind[];
  /** For fence lines, the index of the line that opened the fence; -1 for text lines. */
  openedAt: number[];
  /** Index of the opening line of a fence that is never closed, or null. */
  unclosedAt: number | null;
};

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/s;
const FENCE_CLOSE = /^(`{3,}|~{3,})$/;

/**
 * Finds fenced code blocks. Indentation is ignored on purpose: the same scan runs over a whole file (where
 * descriptions are indented) and over a single field (where they are not), and both must agree.
 */
export function scanCodeFences(lines: readonly string[]): CodeFenceScan {
  const kinds: CodeFenceLineKind[] = [];
  const openedAt: number[] = [];
  let open: { index: number; char: string; length: number } | null = null;
  for (const [index, line] of lines.entries()) {
    if (open) {
      // Matched on the trimmed line: a pattern with whitespace on both sides of the run backtracks quadratically.
      const fence = FENCE_CLOSE.exec(line.trim())?.[1];
      const closes = fence !== undefined && fence[0] === open.char && fence.length >= open.length;
      kinds.push(closes ? "fence-close" : "fence-body");
      openedAt.push(open.index);
      if (closes) open = null;
      continue;
    }
    const start = FENCE_OPEN.exec(line);
    const fence = start?.[1];
    // A backtick fence's info string cannot contain backticks (CommonMark): "```a```" is inline code.
    if (fence !== undefined && !(fence[0] === "`" && (start?.[2] ?? "").includes("`"))) {
      open = { index, char: fence[0] ?? "`", length: fence.length };
      kinds.push("fence-open");
      openedAt.push(index);
      continue;
    }
    kinds.push("text");
    openedAt.push(-1);
  }
  return { kinds, openedAt, unclosedAt: open?.index ?? null };
}

/** The canonical form of a Markdown field; see the comment at the top of this file. */
export function normalizeMarkdownBlock(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => (/^[ \t]*$/.test(line) ? "" : line));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** zod's URL check alone accepts `javascript:`; only absolute http(s) links are resources. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** PostgreSQL text cannot hold U+0000, so no roadmap text may contain it; it gets its own sentence. */
function hasNoNul(text: string): boolean {
  return !text.includes("\u0000");
}

/**
 * Other invisible controls (lib/text-input.ts). Tabs are text in every roadmap field, as in any Markdown file; NUL
 * and line breaks in one-line fields have their own sentences.
 */
function hasNoOtherControls(shape: TextShape) {
  return (text: string) => !hasControlCharacters(text.replace(/[\u0000\t\r\n]/g, ""), shape);
}

function controlCharacterMessage(what: string) {
  return `${what} contains an invisible control character (such as a text-direction override), which Cairn does not store; remove it.`;
}

/** Any value a caller may send, as text for a message; JSON cannot write every one of them (10n, cycles). */
function printable(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function quote(value: unknown): string {
  const text = printable(value);
  return `"${text && text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function oneLine(what: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: `${what} cannot be empty.` })
    .max(max, { error: `${what} can be at most ${max} characters long.` })
    .refine((text) => !/[\r\n]/.test(text), { error: `${what} must fit on one line.` })
    .refine(hasNoNul, { error: `${what} contains a NUL character (\\0), which Cairn cannot store; remove it.` })
    .refine(hasNoOtherControls("line"), { error: controlCharacterMessage(what) });
}

function markdown(what: string, max: number) {
  return z
    .string()
    .overwrite(normalizeMarkdownBlock)
    .max(max, { error: `${what} can be at most ${max} characters long.` })
    .refine(hasNoNul, { error: `${what} contains a NUL character (\\0), which Cairn cannot store; remove it.` })
    .refine(hasNoOtherControls("multiline"), { error: controlCharacterMessage(what) })
    .refine((text) => scanCodeFences(text.split("\n")).unclosedAt === null, {
      error: `${what} opens a code block (\`\`\`) that is never closed.`,
      params: { code: "unclosed-code-fence" },
    });
}

const keySchema = z
  .string()
  .trim()
  .min(1, { error: "The key cannot be empty.", abort: true })
  .max(ROADMAP_LIMITS.keyLength, {
    error: (issue) => `The key ${quote(issue.input)} is longer than ${ROADMAP_LIMITS.keyLength} characters.`,
  })
  .regex(ROADMAP_KEY_PATTERN, {
    error: (issue) =>
      `${quote(issue.input)} is not a valid key: use lower-case letters, digits and single hyphens, like "train-a-model".`,
  });

const evidenceSchema = z.enum(EVIDENCE_REQUIREMENTS, {
  error: (issue) =>
    issue.input === undefined
      ? "This field is missing."
      : `Evidence must be "none", "optional" or "required", not ${quote(issue.input)}.`,
});

const resourceSchema = z.strictObject({
  label: oneLine("A resource label", ROADMAP_LIMITS.lineTextLength),
  url: z
    .string()
    .trim()
    .min(1, { error: "A resource link cannot be empty." })
    .max(ROADMAP_LIMITS.urlLength, { error: `A resource link can be at most ${ROADMAP_LIMITS.urlLength} characters long.` })
    .refine(isHttpUrl, {
      error: (issue) => `${quote(issue.input)} is not a valid link: only http:// and https:// addresses are allowed.`,
    }),
});

const doneWhenSchema = z
  .array(oneLine('A "Done when" item', ROADMAP_LIMITS.lineTextLength))
  .max(ROADMAP_LIMITS.doneWhenItems, { error: `At most ${ROADMAP_LIMITS.doneWhenItems} "Done when" items are allowed.` });

const milestoneSchema = z.strictObject({
  key: keySchema,
  title: oneLine("A milestone title", ROADMAP_LIMITS.titleLength),
  description: markdown("A milestone description", ROADMAP_LIMITS.markdownLength),
  doneWhen: doneWhenSchema,
  resources: z
    .array(resourceSchema)
    .max(ROADMAP_LIMITS.resources, { error: `At most ${ROADMAP_LIMITS.resources} resources are allowed per milestone.` }),
  evidence: evidenceSchema,
  reviewRequired: z.boolean(),
  effortHours: z
    .number()
    .int({ error: "Effort must be a whole number of hours." })
    .min(1, { error: "Effort must be at least 1 hour." })
    .max(ROADMAP_LIMITS.effortHours, { error: `Effort can be at most ${ROADMAP_LIMITS.effortHours} hours.` })
    .nullable(),
});

const phaseSchema = z.strictObject({
  key: keySchema,
  title: oneLine("A phase title", ROADMAP_LIMITS.titleLength),
  description: markdown("A phase description", ROADMAP_LIMITS.markdownLength),
  milestones: z.array(milestoneSchema).max(ROADMAP_LIMITS.milestonesPerPhase, {
    error: `A phase can have at most ${ROADMAP_LIMITS.milestonesPerPhase} milestones.`,
  }),
});

const projectSchema = z.strictObject({
  key: keySchema,
  title: oneLine("A project title", ROADMAP_LIMITS.titleLength),
  description: markdown("A project description", ROADMAP_LIMITS.markdownLength),
  doneWhen: doneWhenSchema,
  evidence: evidenceSchema,
  reviewRequired: z.boolean(),
  milestoneKeys: z.array(keySchema).max(ROADMAP_LIMITS.milestones),
});

const criterionSchema = z.strictObject({
  key: keySchema,
  text: oneLine("A success criterion", ROADMAP_LIMITS.lineTextLength),
});

const noteSchema = z.strictObject({
  title: oneLine("A note title", ROADMAP_LIMITS.titleLength).refine((title) => !isReservedSectionTitle(title), {
    error: (issue) =>
      `${quote(issue.input)} is the name of a roadmap section (Goal, Phase N, Portfolio projects, Weekly execution rule, Success criteria) and cannot be a note title.`,
    params: { code: "reserved-note-title" },
  }),
  body: markdown("A note", ROADMAP_LIMITS.markdownLength),
});

/** Field rules only; `roadmapDocumentSchema` adds the rules that compare fields. */
export const roadmapDocumentFieldsSchema = z.strictObject({
  title: oneLine("The roadmap title", ROADMAP_LIMITS.titleLength),
  slug: keySchema,
  summary: markdown("The goal", ROADMAP_LIMITS.summaryLength),
  phases: z
    .array(phaseSchema)
    .max(ROADMAP_LIMITS.phases, { error: `A roadmap can have at most ${ROADMAP_LIMITS.phases} phases.` }),
  projects: z
    .array(projectSchema)
    .max(ROADMAP_LIMITS.projects, { error: `A roadmap can have at most ${ROADMAP_LIMITS.projects} portfolio projects.` }),
  weeklyRule: z
    .array(oneLine("A weekly rule item", ROADMAP_LIMITS.lineTextLength))
    .max(ROADMAP_LIMITS.weeklyRuleItems, {
      error: `The weekly rule can have at most ${ROADMAP_LIMITS.weeklyRuleItems} items.`,
    }),
  criteria: z
    .array(criterionSchema)
    .max(ROADMAP_LIMITS.criteria, { error: `A roadmap can have at most ${ROADMAP_LIMITS.criteria} success criteria.` }),
  notes: z
    .array(noteSchema)
    .max(ROADMAP_LIMITS.notes, { error: `A roadmap can have at most ${ROADMAP_LIMITS.notes} notes.` }),
}) satisfies z.ZodType<RoadmapDocument>;

/** `phases[0].milestones[2].key` */
export function formatRoadmapPath(path: RoadmapPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text === "" ? part : `${text}.${part}`),
    "",
  );
}

function label(kind: string, title: unknown): string {
  return typeof title === "string" && title.trim() !== "" ? `${kind} ${quote(title.trim())}` : kind;
}

const MAX_RULE_ISSUES = 200;

/**
 * Rules that compare fields with each other. Written defensively because it also runs on documents whose
 * fields failed the schema, so one import reports every problem at once.
 */
export function findRoadmapRuleIssues(
  document: RoadmapDocument,
  describe: DescribePath = formatRoadmapPath,
): RoadmapIssue[] {
  const issues: RoadmapIssue[] = [];
  // Past a few hundred, more messages help nobody and a hostile file could make thousands.
  const add = (code: RoadmapIssueCode, path: RoadmapPath, message: string | (() => string)) => {
    if (issues.length < MAX_RULE_ISSUES) issues.push({ code, path, message: typeof message === "string" ? message : message() });
  };
  const phases = Array.isArray(document.phases) ? document.phases : [];
  const projects = Array.isArray(document.projects) ? document.projects : [];
  const criteria = Array.isArray(document.criteria) ? document.criteria : [];

  if (phases.length === 0) add("no-phases", ["phases"], "The roadmap has no phases; it needs at least one.");

  const phaseKeys = new Map<string, { path: RoadmapPath; title: unknown }>();
  const itemKeys = new Map<string, { path: RoadmapPath; what: string; milestone: boolean }>();
  let milestoneCount = 0;

  phases.forEach((phase, p) => {
    const phasePath = ["phases", p] as const;
    const milestones = Array.isArray(phase?.milestones) ? phase.milestones : [];
    if (milestones.length === 0) {
      add("empty-phase", [...phasePath, "milestones"], `${label("Phase", phase?.title)} has no milestones; every phase needs at least one.`);
    }
    if (typeof phase?.key === "string" && phase.key !== "") {
      const first = phaseKeys.get(phase.key);
      if (first) {
        add(
          "duplicate-key",
          [...phasePath, "key"],
          () => `The key "${phase.key}" is used by two phases: ${label("phase", first.title)} (${describe(first.path)}) and ${label("phase", phase.title)} (${describe(phasePath)}). Phase keys must be unique.`,
        );
      } else {
        phaseKeys.set(phase.key, { path: phasePath, title: phase.title });
      }
    }
    milestones.forEach((milestone, m) => {
      milestoneCount += 1;
      const path = [...phasePath, "milestones", m] as const;
      const what = label("milestone", milestone?.title);
      if (milestone?.evidence === "none" && milestone.reviewRequired === true) {
        add(
          "review-without-evidence",
          [...path, "reviewRequired"],
          `The ${what} requires mentor review but no evidence; a mentor reviews submitted evidence, so set evidence to "optional" or "required", or turn review off.`,
        );
      }
      if (typeof milestone?.key !== "string" || milestone.key === "") return;
      const first = itemKeys.get(milestone.key);
      if (first) {
        add(
          "duplicate-key",
          [...path, "key"],
          () => `The key "${milestone.key}" is used twice: by the ${first.what} (${describe(first.path)}) and the ${what} (${describe(path)}). Keys must be unique across all milestones and projects.`,
        );
      } else {
        itemKeys.set(milestone.key, { path, what, milestone: true });
      }
    });
  });

  if (milestoneCount > ROADMAP_LIMITS.milestones) {
    add("too-many", ["phases"], `The roadmap has ${milestoneCount} milestones; the limit is ${ROADMAP_LIMITS.milestones}.`);
  }

  projects.forEach((project, index) => {
    const path = ["projects", index] as const;
    const what = label("project", project?.title);
    if (project?.evidence === "none" && project.reviewRequired === true) {
      add(
        "review-without-evidence",
        [...path, "reviewRequired"],
        `The ${what} requires mentor review but no evidence; a mentor reviews submitted evidence, so set evidence to "optional" or "required", or turn review off.`,
      );
    }
    if (typeof project?.key === "string" && project.key !== "") {
      const first = itemKeys.get(project.key);
      if (first) {
        add(
          "duplicate-key",
          [...path, "key"],
          () => `The key "${project.key}" is used twice: by the ${first.what} (${describe(first.path)}) and the ${what} (${describe(path)}). Keys must be unique across all milestones and projects.`,
        );
      } else {
        itemKeys.set(project.key, { path, what, milestone: false });
      }
    }
  });

  // A second pass, so a project may name a milestone key regardless of where the projects section sits.
  projects.forEach((project, index) => {
    const keys = Array.isArray(project?.milestoneKeys) ? project.milestoneKeys : [];
    const seen = new Set<string>();
    const what = label("Project", project?.title);
    keys.forEach((key, k) => {
      const path = ["projects", index, "milestoneKeys", k] as const;
      if (typeof key !== "string") return;
      if (seen.has(key)) {
        add("duplicate-key", path, `${what} lists the milestone "${key}" twice.`);
        return;
      }
      seen.add(key);
      const target = itemKeys.get(key);
      if (!target) {
        add("unknown-milestone-key", path, `${what} demonstrates "${key}", but no milestone has that key.`);
      } else if (!target.milestone) {
        add("unknown-milestone-key", path, `${what} demonstrates "${key}", but that is a project, not a milestone.`);
      }
    });
  });

  const criterionKeys = new Map<string, RoadmapPath>();
  criteria.forEach((criterion, index) => {
    const path = ["criteria", index] as const;
    if (typeof criterion?.key !== "string" || criterion.key === "") return;
    const first = criterionKeys.get(criterion.key);
    if (first) {
      add(
        "duplicate-key",
        [...path, "key"],
        () => `The key "${criterion.key}" is used by two success criteria (${describe(first)} and ${describe(path)}). Criteria keys must be unique.`,
      );
    } else {
      criterionKeys.set(criterion.key, path);
    }
  });

  return issues;
}

/** Messages for zod's own issue kinds, phrased for people who edit roadmap files by hand. */
function zodMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is missing.";
      return `Expected ${issue.expected === "array" ? "a list" : issue.expected === "object" ? "an object" : `a ${issue.expected}`} here, not ${issue.input === null ? "null" : Array.isArray(issue.input) ? "a list" : `a ${typeof issue.input}`}.`;
    case "unrecognized_keys": {
      const names = issue.keys.map((key) => `"${key}"`).join(", ");
      return issue.keys.length === 1
        ? `Unknown field ${names}; the roadmap format has no such field.`
        : `Unknown fields ${names}; the roadmap format has no such fields.`;
    }
    default:
      return undefined;
  }
}

function issueFromZod(issue: z.core.$ZodIssue): RoadmapIssue {
  const params = "params" in issue ? (issue.params as { code?: RoadmapIssueCode } | undefined) : undefined;
  const code: RoadmapIssueCode =
    params?.code ?? (issue.code === "unrecognized_keys" ? "unknown-field" : "invalid-field");
  return {
    code,
    path: issue.path.filter((part): part is string | number => typeof part !== "symbol"),
    message: issue.message,
  };
}

/**
 * Checks a document against every rule of the roadmap format and returns it in canonical form.
 * `describe` names a second location inside messages (the Markdown parser passes "line 12").
 */
export function validateRoadmapDocument(
  document: RoadmapDocument,
  options: { describe?: DescribePath } = {},
): RoadmapValidationResult {
  const parsed = roadmapDocumentFieldsSchema.safeParse(document, { error: zodMessage });
  const issues = parsed.success ? [] : parsed.error.issues.map(issueFromZod);
  if (document !== null && typeof document === "object") {
    // A loop, not push(...spread): a hostile file can produce more issues than a call may take arguments.
    for (const issue of findRoadmapRuleIssues(document, options.describe)) issues.push(issue);
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, document: parsed.data };
}

/** The whole document schema, cross-field rules included, for callers that validate with zod directly. */
export const roadmapDocumentSchema = roadmapDocumentFieldsSchema.superRefine((document, context) => {
  for (const issue of findRoadmapRuleIssues(document)) {
    context.addIssue({ code: "custom", path: [...issue.path], message: issue.message, params: { code: issue.code } });
  }
});

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
      "One roadmap version as exported by Cairn. Documented in docs/roadmap-format.md; generated from lib/features/roadmaps/json.ts.",
    ...schema,
  };
}

/** The committed file's exact text: pretty-printed, with a final newline. */
export function formatRoadmapJsonSchema(): string {
  return `${JSON.stringify(roadmapJsonSchema(), null, 2)}\n`;
}
