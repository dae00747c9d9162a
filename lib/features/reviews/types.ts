import type { AttemptView, ThreadComment } from "@/lib/features/progress/types";
import type { QueueFilters } from "@/lib/features/reviews/schema";
import type { ProgressStatus, SubmissionStatus } from "@/lib/generated/prisma/enums";

/** Who holds an attempt's unexpired claim. */
export type ClaimView = { byViewer: boolean; name: string; until: string };

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

export type DecisionResult = { status: ProgressStatus; decision: "approve" | "request_changes" };

/** One of the viewer's saved replies. */
export type SavedReplyView = { id: string; title: string; body: string };
