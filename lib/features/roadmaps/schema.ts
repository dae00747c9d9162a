// The roadmap document model: the field rules (lengths, key shape, http/https links, one-line texts, closed code
// fences) and the rules that compare fields with each other (duplicate keys, "Demonstrates" keys, totals), shared
// by every way a roadmap enters Cairn — both file formats and the editor.
//
// Both parsers (Markdown and JSON) end in `validateRoadmapDocument`, so a roadmap that one format accepts the
// other accepts too, and both reject the same things with the same sentences. Each issue carries a path so the
// Markdown parser can turn it into a line number and the JSON parser into `roadmap.phases[0]…`.
//
// Text fields come out canonical (trimmed one-line texts; Markdown with `\n` line ends, blank lines emptied and
// leading/trailing blank lines removed) so that export → import gives back exactly the same document.
import { z } from "zod";
import { lockVersionSchema } from "@/lib/lock-version";
import {
  EVIDENCE_REQUIREMENTS,
  RELEASE_NOTE_MAX,
  ROADMAP_FILE_MAX_BYTES,
  ROADMAP_KEY_PATTERN,
  ROADMAP_LIMITS,
} from "@/lib/features/roadmaps/constants";
import type {
  DescribePath,
  RoadmapDocument,
  RoadmapIssue,
  RoadmapIssueCode,
  RoadmapMilestone,
  RoadmapPath,
  RoadmapValidationResult,
} from "@/lib/features/roadmaps/types";
import { formatRoadmapPath, isReservedSectionTitle, normalizeMarkdownBlock, scanCodeFences } from "@/lib/features/roadmaps/utils";
import { isSafeHttpUrl } from "@/lib/safe-url";
import { hasControlCharacters, type TextShape } from "@/lib/text-input";

const CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

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

export function quote(value: unknown): string {
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
    .min(1, { error: "A resource link cannot be empty.", abort: true })
    .max(ROADMAP_LIMITS.urlLength, { error: `A resource link can be at most ${ROADMAP_LIMITS.urlLength} characters long.` })
    .refine(isSafeHttpUrl, {
      error: (issue) =>
        // `https://docs.example@evil.example` reads as the first host and opens the second (docs/security.md #16).
        typeof issue.input === "string" && CREDENTIALS.test(issue.input)
          ? `${quote(issue.input)} is not a valid link: a link cannot carry a user name or password before "@".`
          : `${quote(issue.input)} is not a valid link: only http:// and https:// addresses are allowed.`,
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
  // Milestones and projects share two rules: a review needs evidence, and a key names one item across both lists.
  const checkItem = (
    item: Pick<RoadmapMilestone, "key" | "evidence" | "reviewRequired"> | undefined,
    path: RoadmapPath,
    kind: "milestone" | "project",
    title: unknown,
  ) => {
    const what = label(kind, title);
    if (item?.evidence === "none" && item.reviewRequired === true) {
      add(
        "review-without-evidence",
        [...path, "reviewRequired"],
        `The ${what} requires mentor review but no evidence; a mentor reviews submitted evidence, so set evidence to "optional" or "required", or turn review off.`,
      );
    }
    if (typeof item?.key !== "string" || item.key === "") return;
    const key = item.key;
    const first = itemKeys.get(key);
    if (first) {
      add(
        "duplicate-key",
        [...path, "key"],
        () => `The key "${key}" is used twice: by the ${first.what} (${describe(first.path)}) and the ${what} (${describe(path)}). Keys must be unique across all milestones and projects.`,
      );
    } else {
      itemKeys.set(key, { path, what, milestone: kind === "milestone" });
    }
  };

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
      checkItem(milestone, [...phasePath, "milestones", m], "milestone", milestone?.title);
    });
  });

  if (milestoneCount > ROADMAP_LIMITS.milestones) {
    add("too-many", ["phases"], `The roadmap has ${milestoneCount} milestones; the limit is ${ROADMAP_LIMITS.milestones}.`);
  }

  projects.forEach((project, index) => checkItem(project, ["projects", index], "project", project?.title));

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
export function zodMessage(issue: z.core.$ZodRawIssue): string | undefined {
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

export function issueFromZod(issue: z.core.$ZodIssue): RoadmapIssue {
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

// ——— Import and export ———

/**
 * Import screen → "Preview" and "Import as draft". The text is the whole file; its real size limit (1 MB of UTF-8)
 * is the parser's, which reports it in words. This cap only stops absurd payloads before parsing; a character is
 * at least one byte, so anything the parser would accept passes it.
 */
export const roadmapImportSchema = z.strictObject({
  format: z.enum(["markdown", "json"], { error: "Choose Markdown or JSON." }),
  text: z
    .string({ error: "Choose a file or paste the roadmap." })
    .max(ROADMAP_FILE_MAX_BYTES * 2, { error: "The file is larger than 1 MB; roadmap files can be at most 1 MB." }),
});

/**
 * `POST /api/v1/roadmaps/import`: the file's text and its format, named as the export names them (`md`, `json`).
 * Always a draft, as on the import screen; publishing is the editor's step.
 */
export const roadmapImportBodySchema = z.strictObject({
  format: z.enum(["md", "json"], { error: "Use \"md\" or \"json\"." }),
  content: roadmapImportSchema.shape.text.meta({ description: "The whole roadmap file, as `npm run roadmap:export` writes it." }),
});

/**
 * GET /admin/roadmaps/{roadmapId}/export: `?version=N&format=md|json`; without a version, the latest published one.
 * `friction=1` adds the "Friction" note (where learners stall), to Markdown only.
 */
export const roadmapExportQuerySchema = z
  .strictObject({
    version: z.coerce.number().int().min(1).max(1_000_000).optional(),
    format: z.enum(["md", "json"]).default("md"),
    friction: z
      .enum(["0", "1"])
      .optional()
      .meta({ description: "`1` adds a \"Friction\" note to a Markdown export: where learners stall, from every cohort on the version." }),
  })
  .refine((query) => query.friction !== "1" || query.format === "md", {
    error: "Friction notes are only written into Markdown exports.",
    path: ["friction"],
  });

// ——— The editor ———

// The editor saves one item at a time with the very field rules of the import formats, so anything the editor
// accepts exports and imports again; the rules that compare items (keys, project links) are checked on save.
const document = roadmapDocumentFieldsSchema.shape;
const phaseFields = document.phases.element.omit({ milestones: true });
const milestoneFields = document.phases.element.shape.milestones.element;
const projectFields = document.projects.element;

const id = z.uuid({ error: "This item does not exist." });
const lockVersion = lockVersionSchema;

export const ITEM_KINDS = ["phase", "milestone", "project"] as const;

export const createRoadmapSchema = z.strictObject({
  name: document.title,
  /** Empty: derived from the name. */
  slug: z.union([z.literal(""), document.slug]),
});

export const roadmapRefSchema = z.strictObject({ roadmapId: id });
export const archiveRoadmapSchema = z.strictObject({ roadmapId: id, archived: z.boolean() });
export const versionRefSchema = z.strictObject({ versionId: id });

/** "Publish": the version and, optionally, a note to mentors and learners about what is new (Markdown). */
export const publishVersionSchema = z.strictObject({
  versionId: id,
  releaseNote: z
    .string()
    .trim()
    .max(RELEASE_NOTE_MAX, { error: `Keep the release note to ${RELEASE_NOTE_MAX.toLocaleString("en")} characters or fewer.` })
    .optional(),
});

export const versionDetailsSchema = z.strictObject({
  versionId: id,
  lockVersion,
  title: document.title,
  summary: document.summary,
});

export const weeklyRuleSchema = z.strictObject({ versionId: id, lockVersion, items: document.weeklyRule });

export const criteriaSchema = z.strictObject({
  versionId: id,
  lockVersion,
  items: z
    .array(z.strictObject({ key: document.criteria.element.shape.key.nullable(), text: document.criteria.element.shape.text }))
    .max(ROADMAP_LIMITS.criteria, { error: `A roadmap can have at most ${ROADMAP_LIMITS.criteria} success criteria.` }),
});

export const notesSchema = z.strictObject({ versionId: id, lockVersion, items: document.notes });

export const addPhaseSchema = z.strictObject({ versionId: id, title: phaseFields.shape.title });
export const addMilestoneSchema = z.strictObject({ phaseId: id, title: milestoneFields.shape.title });
export const addProjectSchema = z.strictObject({ versionId: id, title: projectFields.shape.title });

export const updatePhaseSchema = phaseFields.extend({ phaseId: id, lockVersion });
export const updateMilestoneSchema = milestoneFields.extend({ milestoneId: id, lockVersion, phaseId: id });
export const updateProjectSchema = projectFields.extend({ projectId: id, lockVersion });

export const reorderSchema = z.strictObject({
  versionId: id,
  list: z.enum(["phases", "milestones", "projects"]),
  /** The phase whose milestones are reordered. */
  phaseId: id.optional(),
  ids: z.array(id).min(1).max(400),
});

export const archiveItemSchema = z.strictObject({ kind: z.enum(ITEM_KINDS), id, archived: z.boolean() });
export const itemRefSchema = z.strictObject({ kind: z.enum(ITEM_KINDS), id });

export type UpdatePhaseInput = z.infer<typeof updatePhaseSchema>;
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
export type ReorderInput = z.infer<typeof reorderSchema>;
