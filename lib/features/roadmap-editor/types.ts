import type { ActionResult } from "@/lib/action-result";
import type { ChangeSummary, RoadmapMilestone, RoadmapNote, RoadmapPhase, RoadmapProject } from "@/lib/features/roadmaps/types";

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
