import type { AttemptView, ThreadComment } from "@/lib/features/progress/types";
import type { QueueFilters } from "@/lib/features/reviews/schema";
import type { ProgressStatus, SubmissionStatus } from "@/lib/generated/prisma/enums";

/** Who holds an attempt's unexpired claim. */
export type ClaimView = {
  byViewer: boolean;
  name: string;
  until: string;
  /** `until` on the cohort's clock ("14:05"), formatted on the server so the claim button ships no date code. */
  untilClock: string;
};

/** A cohort in the viewer's review scope with its counts (whatever the filters). */
export type QueueCohort = {
  id: string;
  name: string;
  timezone: string;
  reviewTargetHours: number;
  waiting: number;
  /** Waiting longer than the cohort's review target. */
  overdue: number;
  reviewedThisWeek: number;
};

/** One attempt waiting for a decision. */
export type QueueRow = {
  submissionId: string;
  attempt: number;
  submittedAt: string;
  learnerName: string;
  itemKey: string;
  title: string;
  kind: "milestone" | "project";
  /** Null for portfolio projects. */
  phaseTitle: string | null;
  cohortId: string;
  cohortName: string;
  timezone: string;
  reviewTargetHours: number;
  claim: ClaimView | null;
};

export type ReviewQueue = {
  /** The instant the page was computed; waiting times are measured against it. */
  now: string;
  /** "mentor": the cohorts the viewer mentors; "admin": every active cohort (an admin who mentors none). */
  scope: "mentor" | "admin";
  filters: QueueFilters;
  cohorts: QueueCohort[];
  phases: { key: string; title: string }[];
  /** The oldest matching attempts, at most QUEUE_PAGE_SIZE. */
  rows: QueueRow[];
  /** How many attempts match the filters. */
  matching: number;
  /** How many attempts wait in the whole scope. */
  waiting: number;
  reviewedThisWeek: number;
  /** Broken links learners replaced, waiting for a mentor's one-click re-approval (decision 063), oldest first. */
  replacedLinks: ReplacedLinkRow[];
};

export type ReplacedLinkRow = {
  linkId: string;
  submissionId: string;
  learnerName: string;
  title: string;
  cohortName: string;
  url: string;
  replacementUrl: string;
  replacedAt: string;
};

export type ReviewScreen = {
  now: string;
  submissionId: string;
  cohortId: string;
  cohortName: string;
  timezone: string;
  reviewTargetHours: number;
  learnerName: string;
  kind: "milestone" | "project";
  itemKey: string;
  title: string;
  description: string;
  doneWhen: string[];
  phaseTitle: string | null;
  progressStatus: ProgressStatus;
  status: SubmissionStatus;
  attempt: AttemptView;
  /** Every other attempt at the item, newest first, with its decision. */
  earlier: AttemptView[];
  claim: ClaimView | null;
  thread: ThreadComment[];
  /** The viewer's own saved replies, by title. */
  savedReplies: SavedReplyView[];
  /** Where `n` and a decision lead: the next attempt in the (filtered) queue, or the queue itself. */
  nextHref: string;
  queueHref: string;
};

/** A decided attempt, as the decision's own transaction knows it (no statement is spent reading it back). */
export type DecisionResult = {
  /** The learner's progress on the item after the decision. */
  status: ProgressStatus;
  decision: "approve" | "request_changes";
  submissionId: string;
  attempt: number;
  submissionStatus: SubmissionStatus;
  comment: string;
  reviewerName: string;
  decidedAt: string;
};

/** One of the viewer's saved replies. */
export type SavedReplyView = { id: string; title: string; body: string };

/** One waiting attempt as the API lists it (`GET /api/v1/reviews`); `createdAt` is the page's keyset position. */
export type PendingAttempt = {
  id: string;
  createdAt: Date;
  attempt: number;
  submittedAt: string;
  note: string;
  links: { url: string; label: string | null }[];
  learner: { name: string };
  milestone: { key: string; title: string; kind: "milestone" | "project" };
  cohort: { id: string; name: string };
};

/** A page of the API's review queue; `next` is the cursor of the following page, null on the last. */
export type PendingPage = { submissions: Omit<PendingAttempt, "createdAt">[]; next: string | null };
