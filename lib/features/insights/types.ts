import type { Day } from "@/lib/calendar";
import type { HEALTH_CHARTS, PROGRESS_CHARTS } from "@/lib/features/insights/constants";

/** Statuses as the cumulative flow groups them: done and approved are both "complete". */
export type FlowStatus = "not_started" | "in_progress" | "submitted" | "changes_requested" | "complete";
export type FlowWeek = { week: Day; counts: Record<FlowStatus, number> };
/** Milestones complete per learner at the end of a week: the plan and the cohort's spread. */
export type PaceWeek = { week: Day; planned: number; p10: number; p25: number; median: number; p75: number; p90: number };
export type PaceLearner = { membershipId: string; name: string; completed: number; expected: number };
export type ReviewWaitWeek = {
  week: Day;
  decided: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Decided within the cohort's review target. */
  withinTarget: number;
};
export type StreakLearner = { membershipId: string; name: string; streak: number; weeksMet: number; weeksPast: number };
export type CohortHealth = {
  cohort: { id: string; name: string; timezone: string; reviewTargetHours: number; startDate: Day; as: "mentor" | "admin" };
  today: Day;
  learners: number;
  /** Milestones on the roadmap (live), per learner. */
  milestones: number;
  flow: FlowWeek[];
  pace: PaceWeek[];
  paceLearners: PaceLearner[];
  reviewWait: ReviewWaitWeek[];
  streaks: StreakLearner[];
};
export type BurnupWeek = {
  week: Day;
  /** Milestones the schedule expects complete by the end of this week. */
  planned: number;
  /** Complete by the end of this week; null for weeks after this one. */
  completed: number | null;
  /** The forecast line from this week to the forecast finish; null where it does not run. */
  forecast: number | null;
};
export type HoursWeek = { week: Day; planned: number | null; logged: number | null };
export type LearnerProgress = {
  cohort: { id: string; name: string; timezone: string };
  learner: { membershipId: string; name: string };
  today: Day;
  startDate: Day;
  /** The last milestone's target date (extension included). */
  finishTarget: Day;
  forecast: Day | null;
  milestones: number;
  completed: number;
  burnup: BurnupWeek[];
  hours: HoursWeek[];
  /** Over the weeks of `hours`. */
  hoursPlanned: number;
  /** Over the weeks of `hours`. */
  hoursLogged: number;
  streak: number;
  weeksMet: number;
  weeksPast: number;
};

export type HealthChart = (typeof HEALTH_CHARTS)[number];
export type ProgressChart = (typeof PROGRESS_CHARTS)[number];
