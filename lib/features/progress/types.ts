import type { Day } from "@/lib/calendar";
import type {
  Decision,
  EvidenceRequirement,
  LinkKind,
  ProgressStatus,
  SelfAssessment,
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
  createdAt: string;
  withdrawnAt: string | null;
  links: { url: string; label: string | null; kind: LinkKind }[];
  decision: { decision: Decision; comment: string; reviewerName: string; decidedAt: string } | null;
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
