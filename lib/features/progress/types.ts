import type { Day } from "@/lib/calendar";
import type {
  Decision,
  EvidenceRequirement,
  LinkKind,
  ProgressStatus,
  SelfAssessment,
  SubmissionSource,
  SubmissionStatus,
} from "@/lib/generated/prisma/enums";

export type RoadmapMilestoneRow = {
  key: string;
  title: string;
  status: ProgressStatus;
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  effortHours: number | null;
  /** ISO date the cohort's pacing expects it done. */
  targetDate: Day;
  /** Attempts submitted so far. */
  attempts: number;
  /** The approved attempt has a link the nightly check found broken (decision 063). */
  linkBroken: boolean;
};

export type RoadmapPhaseSection = {
  key: string;
  title: string;
  /** ISO date (YYYY-MM-DD) by which the cohort's pacing expects the phase finished. */
  targetDate: Day;
  total: number;
  milestones: RoadmapMilestoneRow[];
};

export type NextUp = { key: string; title: string; phaseTitle: string; status: ProgressStatus; targetDate: Day };

export type CriterionView = {
  key: string;
  text: string;
  level: SelfAssessment | null;
  justification: string;
  signedOffBy: string | null;
  signedOffAt: string | null;
};

export type LearnerRoadmap = {
  cohortId: string;
  cohortName: string;
  roadmapTitle: string;
  summary: string;
  /** Today in the cohort's time zone. */
  today: Day;
  /** The cohort's time zone, in which sign-off days are shown. */
  timezone: string;
  /** The day the learner's pacing starts from (their own start, else the cohort's). */
  startDate: Day;
  /** What a learner with no activity in the cohort yet (no progress, no check-in) reads first; null afterwards. */
  welcome: RoadmapWelcome | null;
  phases: RoadmapPhaseSection[];
  /**
   * The newest attempt per milestone key, for milestones with any: what API v1 tells a script (the roadmap's own
   * components do not receive it, so the page's payload does not grow).
   */
  latestAttempts: Record<string, { id: string; status: SubmissionStatus }>;
  /** Shown after the cohort moved to another version, until this learner dismisses it. */
  versionBanner: VersionBanner | null;
  criteria: CriterionView[];
};

/** "Your roadmap was updated to <title> v<n>": the release note and what changed, e.g. "2 milestones added, 1 renamed". */
export type VersionBanner = {
  membershipId: string;
  title: string;
  number: number;
  releaseNote: string | null;
  changes: string;
};

export type RoadmapWelcome = {
  phaseCount: number;
  milestoneCount: number;
  /** The version's weekly rule, item by item ("1 day: learn something new"). */
  weeklyRule: string[];
  /** The first milestone's target date on the learner's schedule. */
  firstDue: Day | null;
};

export type AttemptView = {
  id: string;
  attempt: number;
  status: SubmissionStatus;
  note: string;
  /** "ci" is marked "from CI" wherever the attempt is shown (decision 059). */
  source: SubmissionSource;
  createdAt: string;
  withdrawnAt: string | null;
  links: AttemptLinkView[];
  decision: { decision: Decision; comment: string; reviewerName: string; decidedAt: string } | null;
};

/** An evidence link of an attempt, with what the nightly check found (decision 063). */
export type AttemptLinkView = {
  id: string;
  url: string;
  label: string | null;
  kind: LinkKind;
  /** Set while an approved attempt's link is broken: since when and why ("404 Not Found"). */
  broken: { since: string | null; reason: string } | null;
  /** The learner's new link, waiting for a mentor to re-approve it. */
  replacement: { url: string; at: string | null } | null;
};

export type ThreadComment = { id: string; body: string; authorName: string; byLearner: boolean; createdAt: string };

export type PrivateNoteView = { id: string; body: string; updatedAt: string };

export type LearnerItem = {
  cohortId: string;
  cohortName: string;
  /** IANA zone the cohort's dates are shown in. */
  timezone: string;
  kind: "milestone" | "project";
  key: string;
  title: string;
  description: string;
  doneWhen: string[];
  resources: { label: string; url: string }[];
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  effortHours: number | null;
  /** Phase title for milestones; null for projects. */
  phaseTitle: string | null;
  /** Milestones a project demonstrates (with the learner's status), empty for milestones. */
  demonstrates: { key: string; title: string; status: ProgressStatus }[];
  targetDate: Day | null;
  status: ProgressStatus;
  lockVersion: number;
  attempts: AttemptView[];
  thread: ThreadComment[];
  notes: PrivateNoteView[];
};

/** An attempt as API v1 answers with it (`POST /api/v1/milestones/{key}/submissions`). */
export type SubmissionRecord = {
  id: string;
  milestoneKey: string;
  attempt: number;
  status: SubmissionStatus;
  /** The milestone's status for the learner now. */
  milestoneStatus: ProgressStatus;
  source: SubmissionSource;
  links: { url: string; label: string | null; kind: LinkKind }[];
  note: string;
  createdAt: string;
};

/** The learner's roadmap as API v1 answers with it (`GET /api/v1/roadmap`). */
export type RoadmapRecord = {
  cohortId: string;
  cohortName: string;
  roadmapTitle: string;
  /** Today in the cohort's time zone. */
  today: Day;
  progress: {
    total: number;
    /** Approved or done. */
    completed: number;
    /** Milestones whose due date has passed (today included): the pace's yardstick. */
    expected: number;
    onPace: boolean;
    byStatus: Record<ProgressStatus, number>;
  };
  phases: {
    key: string;
    title: string;
    dueDate: Day;
    total: number;
    completed: number;
    milestones: {
      key: string;
      title: string;
      status: ProgressStatus;
      evidence: EvidenceRequirement;
      reviewRequired: boolean;
      effortHours: number | null;
      dueDate: Day;
      attempts: number;
      latestAttempt: { id: string; status: SubmissionStatus } | null;
    }[];
  }[];
};
