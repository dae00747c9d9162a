// The roadmap document: one roadmap version as plain data, independent of the database.
// It is what the Markdown and JSON formats read and write, and what the editor hands around.
// Every milestone and project key is stable: progress is attached to keys, not to rows.
import type { ActionResult } from "@/lib/action-result";

export type EvidenceRequirement = "none" | "optional" | "required";

export type RoadmapResource = {
  label: string;
  /** http or https only. */
  url: string;
};

export type RoadmapMilestone = {
  /** Unique across all milestones and projects of the roadmap. */
  key: string;
  title: string;
  /** Markdown. */
  description: string;
  /** Acceptance criteria, one line each. */
  doneWhen: string[];
  resources: RoadmapResource[];
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  /** Whole hours; null when the author set no target. */
  effortHours: number | null;
};

export type RoadmapPhase = {
  /** Unique among the roadmap's phases. */
  key: string;
  title: string;
  /** Markdown. */
  description: string;
  milestones: RoadmapMilestone[];
};

export type RoadmapProject = {
  /** Shares the key space of the milestones. */
  key: string;
  title: string;
  /** Markdown. */
  description: string;
  doneWhen: string[];
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  /** Keys of the milestones this project demonstrates. */
  milestoneKeys: string[];
};

export type RoadmapCriterion = {
  /** Unique among the criteria; self-assessments attach to it. */
  key: string;
  text: string;
};

/** Any `##` section of the Markdown format that is not one of the known ones. */
export type RoadmapNote = {
  title: string;
  /** Markdown. */
  body: string;
};

export type RoadmapDocument = {
  title: string;
  slug: string;
  /** The roadmap's goal (`## Goal`), Markdown. */
  summary: string;
  phases: RoadmapPhase[];
  projects: RoadmapProject[];
  /** e.g. "1 day: learn". */
  weeklyRule: string[];
  criteria: RoadmapCriterion[];
  notes: RoadmapNote[];
};

/** A problem with an imported file; `line` is 1-based. */
export type RoadmapParseError = {
  line: number;
  message: string;
  /** JSON files only: where in the document the problem is, e.g. `roadmap.phases[0].key` (the message starts with it). */
  path?: string;
};

export type RoadmapParseResult =
  | { ok: true; document: RoadmapDocument }
  | { ok: false; errors: RoadmapParseError[] };

/** Where a value sits in a document, e.g. `["phases", 0, "milestones", 2, "key"]`. */
export type RoadmapPath = readonly (string | number)[];

export type RoadmapIssueCode =
  | "invalid-field"
  | "unknown-field"
  | "no-phases"
  | "empty-phase"
  | "duplicate-key"
  | "unknown-milestone-key"
  | "review-without-evidence"
  | "unclosed-code-fence"
  | "reserved-note-title"
  | "too-many";

/** A problem found by `validateRoadmapDocument`, located by path so each format can name its own position. */
export type RoadmapIssue = {
  code: RoadmapIssueCode;
  path: RoadmapPath;
  message: string;
};

export type RoadmapValidationResult =
  | { ok: true; document: RoadmapDocument }
  | { ok: false; issues: RoadmapIssue[] };

/** Turns a path into words for messages that point at a second place ("line 12", "roadmap.projects[1]"). */
export type DescribePath = (path: RoadmapPath) => string;

export type CodeFenceLineKind = "text" | "fence-open" | "fence-body" | "fence-close";

export type CodeFenceScan = {
  kinds: CodeFenceLineKind[];
  /** For fence lines, the index of the line that opened the fence; -1 for text lines. */
  openedAt: number[];
  /** Index of the opening line of a fence that is never closed, or null. */
  unclosedAt: number | null;
};

// ---- Import screen DTOs ----

export type RoadmapImportFormat = "markdown" | "json";

export type RoadmapExportFormat = "md" | "json";

/** One problem shown on the import screen: `where` is "Line 12" (Markdown, JSON syntax) or a JSON path. */
export type RoadmapImportProblem = { where: string; message: string };

export type RoadmapImportCounts = {
  phases: number;
  milestones: number;
  projects: number;
  weeklyRule: number;
  criteria: number;
  notes: number;
};

/** Milestone and project keys compared with the roadmap's latest version. */
export type RoadmapKeyChanges = {
  comparedWith: number;
  added: string[];
  changed: string[];
  removed: string[];
};

export type RoadmapImportPreview = {
  title: string;
  slug: string;
  /** A new roadmap, or the next version of the roadmap that already has this slug. */
  target:
    | { kind: "new" }
    | { kind: "next-version"; roadmapId: string; roadmapName: string; number: number };
  /** Set when the roadmap already has a draft: the import would be refused with this message. */
  blockedBy: string | null;
  counts: RoadmapImportCounts;
  outline: { key: string; title: string; milestones: { key: string; title: string }[] }[];
  changes: RoadmapKeyChanges | null;
};

export type RoadmapImportPreviewResult =
  | { status: "invalid"; problems: RoadmapImportProblem[] }
  | { status: "ready"; preview: RoadmapImportPreview };

export type RoadmapImportResult =
  | { status: "invalid"; problems: RoadmapImportProblem[] }
  | { status: "imported"; roadmapId: string; number: number; href: string };

export type ChangeKind = "phase" | "milestone" | "project";

export type ChangedItem = { kind: ChangeKind; key: string; title: string };

/** The fields of a milestone or project an admin edits besides its title. */
export type ItemField = "description" | "doneWhen" | "resources" | "evidence" | "reviewRequired" | "effortHours" | "milestoneKeys";

/** One change between two versions of a roadmap; items are matched by key, the identity progress hangs on. */
export type VersionChange =
  | (ChangedItem & { change: "added" })
  | (ChangedItem & { change: "archived" })
  | (ChangedItem & { change: "renamed"; from: string })
  | (ChangedItem & { change: "edited"; fields: ItemField[] })
  /** `fromPhase`/`toPhase` are phase titles for a milestone that changed phase; null for a move within its list. */
  | (ChangedItem & { change: "moved"; fromPhase: string | null; toPhase: string | null })
  | { change: "weekly-rule"; added: string[]; removed: string[]; reordered: boolean }
  | { change: "criteria"; added: string[]; removed: string[]; reworded: { from: string; to: string }[] }
  | { change: "details"; fields: ("title" | "summary" | "notes")[] };

/** Counts of what changed for learners (milestones and projects only), as stored on a cohort when it moves. */
export type LearnerChangeCounts = { added: number; archived: number; renamed: number; edited: number; moved: number };

/** What a version adds, changes and archives against the version before it, by key. Stored on publish. */
export type ChangeSummary = { added: ChangedItem[]; changed: ChangedItem[]; archived: ChangedItem[] };

// ---- Editor DTOs ----

export type VersionStatus = "draft" | "published" | "retired";

export type RoadmapListRow = {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
  latestPublished: number | null;
  draftNumber: number | null;
  cohortsUsing: number;
};

export type VersionRow = {
  id: string;
  number: number;
  status: VersionStatus;
  title: string;
  publishedAt: string | null;
  publishedBy: string | null;
  cohorts: number;
  changeSummary: ChangeSummary | null;
};

export type RoadmapOverview = {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
  versions: VersionRow[];
  draftNumber: number | null;
};

/** Editor rows: the document's fields plus what editing needs (row id, archived flag, optimistic-lock counter). */
type Editable = { id: string; archived: boolean; lockVersion: number };

export type EditorMilestone = RoadmapMilestone & Editable & { phaseId: string };

export type EditorPhase = Omit<RoadmapPhase, "milestones"> & Editable & { milestones: EditorMilestone[] };

export type EditorProject = RoadmapProject & Editable;

export type EditorCriterion = { key: string; text: string };

/** The version's own fields and lists, saved against RoadmapVersion.lockVersion. */
export type EditorVersionFields = {
  title: string;
  summary: string;
  weeklyRule: string[];
  criteria: EditorCriterion[];
  notes: RoadmapNote[];
  lockVersion: number;
};

export type EditorVersion = EditorVersionFields & {
  id: string;
  roadmapId: string;
  roadmapSlug: string;
  number: number;
  status: VersionStatus;
  publishedAt: string | null;
  publishedBy: string | null;
  phases: EditorPhase[];
  projects: EditorProject[];
  /** Keys learners have progress on (in any cohort of this roadmap): shown, never editable. */
  lockedKeys: string[];
  /** The published version this one is compared with; null for a roadmap's first version. */
  previousNumber: number | null;
  /** Drafts: computed now; published versions: as stored when they were published. */
  changeSummary: ChangeSummary | null;
  /** Drafts only: every change against the previous version, field by field, as the publish dialog lists it. */
  changes: VersionChange[] | null;
  /** The roadmap's open draft, if another version is the draft. */
  draftNumber: number | null;
  latestNumber: number;
};

/** A save that lost a race: nothing was written; the form shows what is saved now. */
export type SaveResult<T> = ActionResult<T> | { ok: false; code: "CONFLICT"; error: string; current: T };

export type SaveOutcome<T> = { status: "saved"; value: T } | { status: "conflict"; current: T };

export type PublishIssue = { message: string };

export type PublishOutcome =
  | { status: "published"; number: number; changeSummary: ChangeSummary }
  | { status: "invalid"; issues: PublishIssue[] };
