import type { Day } from "@/lib/calendar";
import type { ActionResult } from "@/lib/action-result";

/** Who manages a cohort's settings page: its mentor, or an instance admin. */
export type CohortManager = "mentor" | "admin";

/** The cohort's own editable fields, as the settings form shows them. Dates are ISO calendar dates. */
export type CohortSettingsValues = {
  name: string;
  startDate: Day;
  endDate: Day | null;
  weeksPerPhase: number;
  reviewTargetHours: number;
  timezone: string;
  inactivityDays: number;
  behindPaceBy: number;
  /** At-risk rule: days a change request may wait for a new attempt. */
  changesRequestedDays: number;
  /** At-risk rule: days a phase may run past its target date with milestones open. */
  phaseSlippedDays: number;
  /** Optimistic-concurrency counter: a save sends back the one it loaded. */
  lockVersion: number;
};

export type VersionOption = {
  id: string;
  roadmapId: string;
  roadmapName: string;
  number: number;
  title: string;
  status: "draft" | "published" | "retired";
};

export type CohortSettingsPage = {
  cohortId: string;
  cohortName: string;
  as: CohortManager;
  settings: CohortSettingsValues;
  /** The version the cohort follows now (it may have been retired since). */
  version: VersionOption;
  /** Every published version a cohort can follow, the current one included. */
  versionOptions: VersionOption[];
};

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: "mentor" | "learner";
  /** The learner's own start date, when it differs from the cohort's. */
  startDate: Day | null;
  /** Their own start date, else the cohort's. */
  effectiveStartDate: Day;
  extensionDays: number;
  joinedAt: string;
  /** Set when the member was removed; their work stays. */
  removedAt: string | null;
  isViewer: boolean;
};

export type CohortMembersPage = {
  cohortId: string;
  cohortName: string;
  as: CohortManager;
  cohortStartDate: Day;
  /** IANA zone; invite expiry days are shown in it. */
  timezone: string;
  learners: MemberRow[];
  mentors: MemberRow[];
  removed: MemberRow[];
};

/** A milestone or project as the version-move preview lists it. */
export type MoveItem = {
  key: string;
  title: string;
  kind: "milestone" | "project";
  /** The phase a milestone sits in; null for projects. */
  phaseTitle: string | null;
};

export type VersionMovePreview = {
  from: VersionOption;
  to: VersionOption;
  /** What the admin wrote about the target version when publishing it (Markdown source). */
  releaseNote: string | null;
  /** Same key in both versions: progress, attempts and threads carry over as they are. */
  kept: (MoveItem & { previousTitle: string | null })[];
  /** Only in the target version: everyone starts them at "Not started". */
  added: MoveItem[];
  /** Only in the current version: learners' work on them stays stored and visible in history. */
  dropped: (MoveItem & { learners: number; attempts: number })[];
};

export type AdminCohortRow = {
  id: string;
  name: string;
  roadmapName: string;
  versionNumber: number;
  startDate: Day;
  endDate: Day | null;
  mentors: string[];
  learners: number;
};

/** "Save settings": saved values, a refusal with its reason, or — when the form was stale — the current values. */
export type SettingsSaveResult =
  | ActionResult<CohortSettingsValues>
  | { ok: false; code: "CONFLICT"; error: string; current: CohortSettingsValues };
