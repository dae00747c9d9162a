import type { ActionResult } from "@/lib/action-result";

/** Who manages a cohort's settings page: its mentor, or an instance admin. */
export type CohortManager = "mentor" | "admin";

/** The cohort's own editable fields, as the settings form shows them. Dates are ISO calendar dates. */
export type CohortSettingsValues = {
  name: string;
  startDate: string;
  endDate: string | null;
  weeksPerPhase: number;
  reviewTargetHours: number;
  timezone: string;
  inactivityDays: number;
  /** Optimistic-concurrency counter: a save sends back the one it loaded. */
  lockVersion: number;
};

export type VersionOption = {
  id: string;
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
  startDate: string | null;
  /** Their own start date, else the cohort's. */
  effectiveStartDate: string;
  extensionDays: number;
  joinedAt: string;
  /** Set when the member was removed; their work stays. */
  removedAt: string | null;
  isViewer: boolean;
};

export type InviteState = "active" | "expired" | "used_up" | "revoked";

export type InviteRow = {
  id: string;
  /** Cohort links are mentor or learner links; instance links (no cohort) may also make an admin. */
  role: "admin" | "mentor" | "learner";
  maxUses: number;
  useCount: number;
  expiresAt: string;
  createdAt: string;
  createdByName: string | null;
  state: InviteState;
};

export type CohortMembersPage = {
  cohortId: string;
  cohortName: string;
  as: CohortManager;
  cohortStartDate: string;
  /** IANA zone; invite expiry days are shown in it. */
  timezone: string;
  learners: MemberRow[];
  mentors: MemberRow[];
  removed: MemberRow[];
  invites: InviteRow[];
};

/** A new invite: the link's token is in here once and never stored. */
export type CreatedInvite = { token: string; invite: InviteRow };

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
  startDate: string;
  endDate: string | null;
  mentors: string[];
  learners: number;
};

/** What /invite/[token] shows; every way of being unusable looks the same. */
export type InviteLanding =
  | { valid: false }
  | {
      valid: true;
      cohortId: string | null;
      cohortName: string | null;
      role: "admin" | "mentor" | "learner";
      roadmapTitle: string | null;
      expiresAt: string;
      /** The signed-in viewer's active role in the cohort, when they already belong to it. */
      viewerRole: "mentor" | "learner" | null;
    };

/**
 * Where someone goes after accepting an invite. `notice` explains, when they were already a member with another role than the
 * invite's, that the link changed nothing.
 */
export type JoinedCohort = {
  cohortId: string | null;
  role: "admin" | "mentor" | "learner";
  home: string;
  alreadyMember: boolean;
  notice?: string;
};

/** "Save settings": saved values, a refusal with its reason, or — when the form was stale — the current values. */
export type SettingsSaveResult =
  | ActionResult<CohortSettingsValues>
  | { ok: false; code: "CONFLICT"; error: string; current: CohortSettingsValues };
