import type { Day } from "@/lib/calendar";
import type { MatrixSort } from "@/lib/features/cohort-progress/constants";
import type { WeeklyRuleCheck } from "@/lib/features/checkins/types";
import type { Decision, ProgressStatus, SelfAssessment, SubmissionStatus } from "@/lib/generated/prisma/enums";

export type RiskKind = "behind_pace" | "inactive" | "weekly_rule" | "changes_requested" | "phase_slipped" | "deadline_passed";

/** "watch": an early signal worth a look this week; "at_risk": act now (decision 050). */
export type RiskSeverity = "watch" | "at_risk";

/** One at-risk rule that fired, how serious it is, and the sentence a mentor reads. */
export type RiskFlag = { kind: RiskKind; severity: RiskSeverity; reason: string };

export type MatrixMilestone = {
  key: string;
  title: string;
  /** "3.2": phase number and position, short enough for a column header. */
  code: string;
  reviewRequired: boolean;
};

export type MatrixPhase = {
  key: string;
  /** 1-based, as the roadmap numbers phases; 0 for the portfolio projects' column group. */
  number: number;
  title: string;
  milestones: MatrixMilestone[];
};

/** The cohort's settings and roadmap structure, read in one statement. */
export type CohortStructure = {
  id: string;
  name: string;
  /** Cohort start, YYYY-MM-DD. */
  startDate: Day;
  weeksPerPhase: number;
  inactivityDays: number;
  behindPaceBy: number;
  changesRequestedDays: number;
  phaseSlippedDays: number;
  timezone: string;
  versionId: string;
  roadmapTitle: string;
  versionNumber: number;
  phases: MatrixPhase[];
  /** The version's live portfolio projects, in order. */
  projects: { key: string; title: string }[];
  /** Milestones and projects by key, for titles of anything a learner worked on. */
  titles: ReadonlyMap<string, string>;
  criteria: { key: string; text: string }[];
};

/** One active learner with everything the matrix and the at-risk rules need, from one aggregate statement. */
export type LearnerRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  /** The learner's own start date, else the cohort's; YYYY-MM-DD. */
  startDate: Day;
  extensionDays: number;
  /** The day they joined, in the cohort's zone. */
  joinedOn: Day;
  statuses: ReadonlyMap<string, ProgressStatus>;
  lastActivityAt: Date | null;
  /** The day of the last activity, in the cohort's zone. */
  lastActivityOn: Day | null;
  /** Mondays (cohort's zone) of the weeks since the week before last with a submission (not withdrawn) or a completion. */
  activeWeeks: Day[];
  /** Parts of the weekly rule each recent week's check-in reports, by Monday (decision 051). */
  checkinParts: ReadonlyMap<Day, number>;
  /** Decisions asking for changes with no newer attempt, oldest first, with their day in the cohort's zone. */
  openRequests: { key: string; decidedOn: Day }[];
};

/** A learner's standing, derived from a LearnerRow by the pure rules in utils.ts and policy.ts. */
export type LearnerStanding = {
  completed: number;
  total: number;
  /** Milestones whose target date has passed. */
  due: number;
  waiting: number;
  /** Last target date (with the learner's extension), YYYY-MM-DD. */
  deadline: Day | null;
  /** Most serious first. */
  risks: RiskFlag[];
  /** The worst of the flags' severities; null when nothing is flagged. */
  severity: RiskSeverity | null;
};

export type MatrixQuery = {
  q: string;
  /** A phase key, or "" for every phase. */
  phase: string;
  sort: MatrixSort;
  atRisk: boolean;
  page: number;
};

export type MatrixRow = {
  membershipId: string;
  name: string;
  /** Aligned with the shown milestone columns. */
  statuses: ProgressStatus[];
  /** Complete among the shown columns. */
  completed: number;
  shown: number;
  standing: LearnerStanding;
};

export type CohortOverview = {
  cohort: {
    id: string;
    name: string;
    timezone: string;
    roadmapTitle: string;
    versionNumber: number;
    startDate: Day;
    weeksPerPhase: number;
    inactivityDays: number;
    behindPaceBy: number;
    changesRequestedDays: number;
    phaseSlippedDays: number;
    as: "mentor" | "admin";
  };
  today: Day;
  /** `atRisk` counts learners whose worst flag is "At risk", `watch` those whose worst is "Watch". */
  stats: { learners: number; atRisk: number; watch: number; waiting: number; averagePercent: number };
  /** The phase filter's options: every phase ("2. Production habits"), then the portfolio projects. */
  phases: { value: string; label: string }[];
  matrix: {
    query: MatrixQuery;
    columns: MatrixPhase[];
    rows: MatrixRow[];
    /** Learners who completed each shown milestone, among those matching the search and filters. */
    columnTotals: number[];
    matched: number;
    pageCount: number;
    /** 0-based index of the page's first row among the matches. */
    offset: number;
  };
};

/** What the matrix's client-side table draws: a page of rows, each with one STATUS_CODES letter per column. */
export type MatrixTableData = {
  phases: { key: string; number: number; title: string; milestones: { key: string; title: string; code: string }[] }[];
  rows: { id: string; name: string; cells: string; completed: number; risks: RiskFlag[] }[];
  totals: number[];
  matched: number;
  offset: number;
};

export type TimelineEvent = {
  id: string;
  kind: "started" | "completed" | "attempt" | "decision" | "comment" | "checkin_planned" | "checkin_closed" | "checkin_comment";
  /** ISO instant. */
  at: string;
  itemKey: string | null;
  itemTitle: string | null;
  attempt: number | null;
  submissionId: string | null;
  submissionStatus: SubmissionStatus | null;
  decision: Decision | null;
  actorName: string | null;
  byLearner: boolean;
  excerpt: string | null;
  /** Monday of the check-in's week. */
  weekStart: Day | null;
};

export type LearnerMilestoneView = {
  key: string;
  code: string;
  title: string;
  status: ProgressStatus;
  targetDate: Day;
  /** The attempt waiting for a decision, if any (links to the review screen). */
  pending: { submissionId: string; attempt: number; submittedAt: string } | null;
};

/** A portfolio project on the learner's page: no target date (projects run alongside the phases). */
export type LearnerProjectView = Omit<LearnerMilestoneView, "targetDate">;

export type LearnerPhaseView = {
  key: string;
  number: number;
  title: string;
  targetDate: Day;
  completed: number;
  milestones: LearnerMilestoneView[];
};

export type MentorCheckinComment = { id: string; authorName: string; byLearner: boolean; body: string; createdAt: string };

export type MentorCheckinWeek = {
  weekStart: Day;
  rule: WeeklyRuleCheck;
  /** The week is still running, so an unmet rule is "not met yet". */
  running: boolean;
  checkin: {
    id: string;
    plannedMilestones: { key: string; title: string }[];
    plannedHours: number | null;
    actualHours: number | null;
    closeOut: { label: string; text: string }[];
    closedAt: string | null;
    comments: MentorCheckinComment[];
  } | null;
};

export type AssessmentView = {
  /** Null until the learner has assessed themselves. */
  id: string | null;
  criterionKey: string;
  text: string;
  level: SelfAssessment | null;
  justification: string;
  /** ISO instant of the learner's last change; a sign-off only applies to what the mentor saw. */
  updatedAt: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
};

export type LearnerDetail = {
  cohort: { id: string; name: string; timezone: string; as: "mentor" | "admin" };
  learner: { membershipId: string; userId: string; name: string; email: string; startDate: Day; extensionDays: number };
  today: Day;
  standing: LearnerStanding;
  lastActivityAt: string | null;
  phases: LearnerPhaseView[];
  projects: LearnerProjectView[];
  timeline: TimelineEvent[];
  checkins: { streak: number; weeksMet: number; weeksPast: number; weeks: MentorCheckinWeek[] };
  /** Mentors of the cohort comment on check-ins; admins read them (checkins policy). */
  canComment: boolean;
  /** False when the viewer is the learner (nobody signs off their own work). */
  canSignOff: boolean;
  assessments: AssessmentView[];
};

export type CohortListItem = {
  id: string;
  name: string;
  roadmapTitle: string;
  startDate: Day;
  learners: number;
  waiting: number;
  /** The viewer actively mentors it (admins see every cohort). */
  mentoring: boolean;
};

/** The progress matrix as the API answers it: every active learner's status on every live item, by item key. */
export type CohortProgressJson = {
  cohort: { id: string; name: string };
  today: Day;
  items: { key: string; title: string; kind: "milestone" | "project"; phase: string | null }[];
  learners: {
    name: string;
    email: string;
    startDate: Day;
    completed: number;
    total: number;
    statuses: Record<string, ProgressStatus>;
  }[];
};
