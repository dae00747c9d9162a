import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { cohortAccessOrNull, type CohortAccess, getLearnerMembership, type LearnerMembership } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { type Day, dayOfDate, weekStartOf } from "@/lib/calendar";
import { safeTimeZone, today as todayIn } from "@/lib/calendar-zones";
import { getCohortStructure } from "@/lib/features/cohort-progress/data";
import { learnerTargets } from "@/lib/features/cohort-progress/utils";
import { getCohortFigures, getCohortLearner, listLearnerFigures } from "@/lib/features/insights/data";
import type { CohortHealth, HealthChart, LearnerProgress, ProgressChart } from "@/lib/features/insights/types";
import {
  burnupWeeks,
  byMostBehind,
  chartWeeks,
  healthCsv,
  hoursTotals,
  hoursWeeks,
  milestoneTargets,
  paceOf,
  plannedBy,
  progressCsv,
  streakFigures,
} from "@/lib/features/insights/utils";
import { isUuid } from "@/lib/ids";
import { type CsvFile } from "@/lib/csv";

/**
 * The cohort's health figures; null when the cohort is gone. Three statements after the access check, whatever the
 * cohort's size: the cohort's schedule, then the weekly aggregates and the learners' figures side by side.
 */
async function cohortHealth(access: CohortAccess, now: Date): Promise<CohortHealth | null> {
  const timeZone = safeTimeZone(access.timezone);
  const today = todayIn(timeZone, now);
  const thisWeek = weekStartOf(today);
  const cohort = await getCohortStructure(access.cohortId);
  if (!cohort) return null;
  const weeks = chartWeeks(cohort.startDate, thisWeek);
  const [figures, learners] = await Promise.all([
    getCohortFigures({
      cohortId: cohort.id,
      versionId: cohort.versionId,
      timeZone,
      firstWeek: weeks[0]!,
      lastWeek: weeks.at(-1)!,
      reviewTargetHours: access.reviewTargetHours,
      now,
    }),
    listLearnerFigures({ cohortId: cohort.id, versionId: cohort.versionId, timeZone, now }),
  ]);

  // Learners who share a start date and extension share their schedule: the cohort's own is the plan.
  const schedules: Parameters<typeof learnerTargets>[2] = new Map();
  const scheduleOf = (startDate: Day, extensionDays: number) =>
    learnerTargets(cohort, { startDate, extensionDays }, schedules).milestones.flat();
  const plan = scheduleOf(cohort.startDate, 0);
  const milestones = plan.length;
  const flowByWeek = new Map(figures.flow.map((week) => [week.week, week.counts]));
  const paceByWeek = new Map(figures.pace.map((week) => [week.week, week]));
  const waitByWeek = new Map(figures.reviewWait.map((week) => [week.week, week]));

  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      timezone: timeZone,
      reviewTargetHours: access.reviewTargetHours,
      startDate: cohort.startDate,
      as: access.as,
    },
    today,
    learners: learners.length,
    milestones,
    flow: weeks.map((week) => {
      const counts = flowByWeek.get(week) ?? { in_progress: 0, submitted: 0, changes_requested: 0, complete: 0 };
      const started = counts.in_progress + counts.submitted + counts.changes_requested + counts.complete;
      return { week, counts: { not_started: learners.length * milestones - started, ...counts } };
    }),
    pace: weeks.map((week) => {
      const spread = paceByWeek.get(week);
      return {
        week,
        planned: plannedBy(plan, week),
        p10: spread?.p10 ?? 0,
        p25: spread?.p25 ?? 0,
        median: spread?.median ?? 0,
        p75: spread?.p75 ?? 0,
        p90: spread?.p90 ?? 0,
      };
    }),
    paceLearners: byMostBehind(
      learners.map((learner) => ({
        membershipId: learner.membershipId,
        name: learner.name,
        completed: learner.completed,
        expected: paceOf(scheduleOf(learner.startDate, learner.extensionDays), learner.completed, learner.startDate, today).expected,
      })),
    ),
    reviewWait: weeks.map(
      (week) => waitByWeek.get(week) ?? { week, decided: 0, medianHours: null, p90Hours: null, withinTarget: 0 },
    ),
    streaks: learners.map((learner) => ({
      membershipId: learner.membershipId,
      name: learner.name,
      ...streakFigures(learner.ruleWeeks, learner.startDate, learner.firstCheckinWeek, today),
    })),
  };
}

/**
 * Insights for one cohort: where its learners stall, week by week. Mentors of the cohort and admins; anyone else,
 * an archived cohort and a random id get the same 404. At most four statements whatever the cohort's size.
 */
export const loadCohortHealth = cache(async (viewer: Viewer, cohortId: string, now: Date = new Date()): Promise<CohortHealth> => {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) notFound();
  const health = await cohortHealth(access, now);
  if (!health) notFound();
  return health;
});

/** One cohort health chart as CSV; null (→ 404) for a signed-out caller, another cohort or a random id. */
export async function loadCohortHealthCsv(
  viewer: Viewer | null,
  cohortId: string,
  chart: HealthChart,
  now: Date = new Date(),
): Promise<CsvFile | null> {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) return null;
  const health = await cohortHealth(access, now);
  return health ? healthCsv(health, chart) : null;
}

/** A learner's own figures in their cohort: one statement after the membership, whoever looks. */
async function learnerProgress(membership: LearnerMembership, now: Date): Promise<LearnerProgress | null> {
  const timeZone = safeTimeZone(membership.timezone);
  const today = todayIn(timeZone, now);
  const [figures] = await listLearnerFigures({
    cohortId: membership.cohortId,
    versionId: membership.versionId,
    timeZone,
    now,
    membershipId: membership.membershipId,
    detail: true,
  });
  if (!figures) return null;
  const startDate = dayOfDate(membership.startDate);
  const targets = milestoneTargets(figures.milestonesPerPhase, startDate, membership.weeksPerPhase, membership.extensionDays);
  const { forecast } = paceOf(targets, figures.completed, startDate, today);
  const hours = hoursWeeks(figures.checkins, startDate, today);
  return {
    cohort: { id: membership.cohortId, name: membership.cohortName, timezone: timeZone },
    learner: { membershipId: membership.membershipId, name: figures.name },
    today,
    startDate,
    finishTarget: targets.reduce((last, target) => (target > last ? target : last), startDate),
    forecast,
    milestones: targets.length,
    completed: figures.completed,
    burnup: burnupWeeks({ targets, completions: figures.completions, startDate, today, forecast }),
    hours,
    ...hoursTotals(hours),
    ...streakFigures(figures.ruleWeeks, startDate, figures.firstCheckinWeek, today),
  };
}

/**
 * The signed-in learner's cohort, chosen as their roadmap page chooses it (`?cohort=` or their first active learner
 * cohort); null for a malformed id, a cohort they do not learn in, or nobody to ask for.
 */
async function ownMembership(viewer: Viewer | null, cohortId?: string): Promise<LearnerMembership | null> {
  if (!viewer || (cohortId !== undefined && !isUuid(cohortId))) return null;
  return getLearnerMembership(viewer.id, cohortId);
}

/**
 * "My progress": the signed-in learner's own figures, never anyone else's. A cohort they do not learn in is a 404,
 * as on the roadmap (pages send someone who learns nowhere home first, with `requireLearnerArea`). Two statements.
 */
export const loadMyProgress = cache(async (viewer: Viewer, cohortId?: string, now: Date = new Date()): Promise<LearnerProgress> => {
  const membership = await ownMembership(viewer, cohortId);
  if (!membership) notFound();
  const progress = await learnerProgress(membership, now);
  if (!progress) notFound();
  return progress;
});

/** One "My progress" chart as CSV; null (→ 404) exactly where `loadMyProgress` is a 404, and for a signed-out caller. */
export async function loadMyProgressCsv(
  viewer: Viewer | null,
  chart: ProgressChart,
  cohortId?: string,
  now: Date = new Date(),
): Promise<CsvFile | null> {
  const membership = await ownMembership(viewer, cohortId);
  if (!membership) return null;
  const progress = await learnerProgress(membership, now);
  return progress ? progressCsv(progress, chart) : null;
}

/**
 * One learner's figures as their cohort's mentor (or an admin) sees them on the learner's page. Another cohort's
 * learner, a removed learner, a mentor's membership and a malformed id are the same 404. Three statements.
 */
export const loadLearnerProgress = cache(
  async (viewer: Viewer, cohortId: string, membershipId: string, now: Date = new Date()): Promise<LearnerProgress> => {
    const access = await cohortAccessOrNull(viewer, cohortId);
    if (!access || !isUuid(membershipId)) notFound();
    const membership = await getCohortLearner(access.cohortId, membershipId);
    if (!membership) notFound();
    const progress = await learnerProgress(membership, now);
    if (!progress) notFound();
    return progress;
  },
);
