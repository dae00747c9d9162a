import type { RiskKind, RiskSeverity } from "@/lib/features/cohort-progress/types";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/** What a mentor can do about each at-risk flag, shown under its reason on the learner's page. */
export const RISK_NEXT_STEPS: Record<RiskKind, string> = {
  deadline_passed: "Agree a new finish date, then extend their deadline from the members page.",
  behind_pace: "Agree which milestones to catch up on in the next two weeks, and check in on them.",
  changes_requested: "Ask whether the feedback was clear; a short call often unblocks a resubmission.",
  phase_slipped: "Agree what to finish or drop from that phase, and by when; extend their dates from the members page if the plan changed.",
  weekly_rule: "Ask for this week's plan in a comment on their check-in.",
  inactive: "Send a friendly message; ask what got in the way and what would help.",
};

/** What each severity reads as, everywhere a flag is shown (badge, list, CSV); never shown by colour alone. */
export const RISK_SEVERITY_LABELS: Record<RiskSeverity, string> = { at_risk: "At risk", watch: "Watch" };

/**
 * Learners per matrix page. With ~45 milestone columns a row is ~50 DOM nodes (one <td> per cell), so 25 rows
 * keep a page near the 1,400-node budget (docs/performance.md) while a 13-learner cohort fits on one page.
 */
export const MATRIX_PAGE_SIZE = 25;

/** Longest learner-name search the matrix accepts; anything longer cannot match a name anyway. */
export const SEARCH_MAX = 100;

/** Newest events on the learner detail page; older history stays in the CSV exports. */
export const TIMELINE_LIMIT = 100;

/** Events shown before "Show older events"; the rest wait behind a disclosure so the page stays short. */
export const TIMELINE_VISIBLE = 12;

/** Check-in weeks shown before "Show older weeks". */
export const CHECKIN_WEEKS_VISIBLE = 4;

/** How many characters of a comment the timeline quotes. */
export const TIMELINE_EXCERPT = 280;

/**
 * The portfolio projects' column group in the matrix and its phase filter, with the review queue's key for the same
 * filter. A phase keyed "projects" wins the filter (phases are looked up first); the projects still show under "All
 * phases".
 */
export const PROJECTS_GROUP = { key: "projects", title: "Portfolio projects" } as const;

export const MATRIX_SORTS = ["name", "progress", "progress-desc", "risk"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

export const SORT_LABELS: Record<MatrixSort, string> = {
  name: "Name",
  progress: "Progress (least first)",
  "progress-desc": "Progress (most first)",
  risk: "At risk first",
};

export const NOT_FOUND_BODY = "Not found";

/** One letter per status, for the matrix's cells on their way to the browser (a page holds 1,125 of them). */
export const STATUS_CODES: Record<ProgressStatus, string> = {
  not_started: "n",
  in_progress: "i",
  submitted: "s",
  changes_requested: "c",
  approved: "a",
  done: "d",
};

export const STATUS_BY_CODE: Readonly<Record<string, ProgressStatus>> = Object.fromEntries(
  Object.entries(STATUS_CODES).map(([status, code]) => [code, status as ProgressStatus]),
);
