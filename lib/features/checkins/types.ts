import type { Day } from "@/lib/calendar";
import type { CloseOutTextField } from "@/lib/features/checkins/constants";

/** A comment on a check-in as the learner's page shows it: a name and a role, never an email. */
export type CheckinCommentView = {
  id: string;
  authorName: string;
  authorRole: "learner" | "mentor";
  /** Written by the person looking at the page. */
  mine: boolean;
  body: string;
  /** ISO instant. */
  createdAt: string;
};

export type CheckinRecord = {
  id: string;
  /** Monday, YYYY-MM-DD. */
  weekStart: Day;
  plannedKeys: string[];
  plannedMilestones: { key: string; title: string }[];
  plannedHours: number | null;
  actualHours: number | null;
  closeOut: Record<CloseOutTextField, string>;
  /** ISO instant; null while the week is open. */
  closedAt: string | null;
  lockVersion: number;
  comments: CheckinCommentView[];
};

/** Whether a week met the roadmap's weekly rule, and what made it so. */
export type WeeklyRuleCheck = {
  met: boolean;
  /** Submissions created that week (any status but withdrawn). */
  evidence: number;
  /** Milestones or projects completed that week. */
  completed: number;
  /** Parts of the weekly rule (WEEKLY_RULE_PARTS) the week's check-in reports; they inform, they do not decide `met`. */
  parts: number;
};

export type CheckinWeek = {
  weekStart: Day;
  /** Sunday, YYYY-MM-DD. */
  weekEnd: Day;
  rule: WeeklyRuleCheck;
  checkin: CheckinRecord | null;
  /** The learner may still change it (its own week or the week after). */
  editable: boolean;
};

export type PlannablePhase = {
  key: string;
  title: string;
  milestones: { key: string; title: string }[];
};

export type CheckinsPage = {
  cohortId: string;
  cohortName: string;
  timezone: string;
  /** Today in the cohort's time zone, YYYY-MM-DD. */
  today: Day;
  /** The learner's first week (Monday of their start date). */
  firstWeek: Day;
  weeklyRule: string[];
  /** Milestones offered for planning: not yet complete, plus any already in this week's plan. */
  plannable: PlannablePhase[];
  thisWeek: CheckinWeek;
  /** Last week while it is still open for a close-out; it is then left out of `history`. */
  lastWeek: CheckinWeek | null;
  /** Past weeks since the learner's start, newest first. */
  history: CheckinWeek[];
  streak: number;
  /** Past weeks that met the rule, of all past weeks. */
  weeksMet: number;
  weeksPast: number;
};

/** One check-in read by id, for its owner or a mentor of its cohort. */
export type CheckinDetail = {
  learnerName: string;
  cohortId: string;
  timezone: string;
  checkin: CheckinRecord;
};

export type SavedCheckin = { checkinId: string; lockVersion: number; closed: boolean };
