// The insights' arithmetic on calendar days (lib/calendar.ts): which weeks a chart shows, what the schedule expects
// by each week, the forecast line, streaks and the CSV files. The figures themselves come from SQL (data.ts).
import { addDays, type Day, daysBetween, weekStartOf } from "@/lib/calendar";
import { streakLength, weeklyRuleCheck, weeksBetween } from "@/lib/features/checkins/utils";
import { INSIGHT_WEEKS } from "@/lib/features/insights/constants";
import type {
  BurnupWeek,
  CohortHealth,
  FlowStatus,
  HoursWeek,
  LearnerProgress,
  PaceLearner,
  StreakLearner,
} from "@/lib/features/insights/types";
import { type Pace, pace, targetDates } from "@/lib/features/progress/utils";
import { csvFilename, toCsv, type CsvFile } from "@/lib/csv";

/**
 * Mondays from the week of `start` to `thisWeek`, at most the last INSIGHT_WEEKS of them; just this week when `start`
 * is still to come.
 */
export function chartWeeks(start: Day, thisWeek: Day): Day[] {
  const first = weekStartOf(start);
  const earliest = addDays(thisWeek, -7 * (INSIGHT_WEEKS - 1));
  return weeksBetween(first < earliest ? earliest : first > thisWeek ? thisWeek : first, thisWeek);
}

/** Every milestone's target date on a schedule, in roadmap order (`targetDates` of the progress feature). */
export function milestoneTargets(milestonesPerPhase: number[], startDate: Day, weeksPerPhase: number, extensionDays: number): Day[] {
  return targetDates(milestonesPerPhase, { startDate, weeksPerPhase, extensionDays }).milestones.flat();
}

/** Milestones the schedule expects complete by the end (Sunday) of the week starting `week`. */
export function plannedBy(targets: readonly Day[], week: Day): number {
  const sunday = addDays(week, 6);
  return targets.filter((target) => target <= sunday).length;
}

/** The roadmap's pace (`pace` of the progress feature) for someone with `completed` of the milestones at `targets`. */
export function paceOf(targets: readonly Day[], completed: number, startDate: Day, today: Day): Pace {
  return pace(
    targets.map((target, index) => ({ target, complete: index < completed })),
    startDate,
    today,
  );
}

/** Most behind their own schedule first, then by name. */
export function byMostBehind(learners: PaceLearner[]): PaceLearner[] {
  const names = new Intl.Collator("en", { sensitivity: "base" });
  return [...learners].sort(
    (a, b) => a.completed - a.expected - (b.completed - b.expected) || names.compare(a.name, b.name) || a.membershipId.localeCompare(b.membershipId),
  );
}

export type StreakFigures = Pick<StreakLearner, "streak" | "weeksMet" | "weeksPast">;

/**
 * The weekly-rule streak exactly as the Check-ins page computes it (`getCheckinsPage`): weeks from the earlier of
 * the learner's start week and their first check-in, a week met by the weekly rule (`weeklyRuleCheck`), the streak
 * counted by `streakLength`, and the past weeks (this one left out) met of all past weeks.
 */
export function streakFigures(
  ruleWeeks: readonly { week: Day; evidence: number; completed: number }[],
  startDate: Day,
  firstCheckinWeek: Day | null,
  today: Day,
): StreakFigures {
  const currentWeek = weekStartOf(today);
  const startWeek = weekStartOf(startDate);
  const firstWeek = firstCheckinWeek !== null && firstCheckinWeek < startWeek ? firstCheckinWeek : startWeek;
  const pastWeeks = weeksBetween(firstWeek, addDays(currentWeek, -7));
  const met = new Set(ruleWeeks.filter((week) => weeklyRuleCheck(week.evidence, week.completed).met).map((week) => week.week));
  const metWeeks = new Set([...pastWeeks, currentWeek].filter((week) => met.has(week)));
  return {
    streak: streakLength(metWeeks, currentWeek, firstWeek),
    weeksMet: pastWeeks.filter((week) => met.has(week)).length,
    weeksPast: pastWeeks.length,
  };
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;

/**
 * The learner's burn-up: the weeks from their start (at most INSIGHT_WEEKS back) to the later of the finish target
 * and the forecast (at most INSIGHT_WEEKS ahead). `completed` runs to this week; the forecast is a straight line from
 * this week's completed count to every milestone at the forecast's week.
 */
export function burnupWeeks({
  targets,
  completions,
  startDate,
  today,
  forecast,
}: {
  targets: readonly Day[];
  completions: readonly { week: Day; count: number }[];
  startDate: Day;
  today: Day;
  forecast: Day | null;
}): BurnupWeek[] {
  const thisWeek = weekStartOf(today);
  const past = chartWeeks(startDate, thisWeek);
  const finishWeek = weekStartOf(targets.reduce((last, target) => (target > last ? target : last), startDate));
  const forecastWeek = forecast === null ? null : weekStartOf(forecast);
  const latest = [thisWeek, finishWeek, forecastWeek ?? thisWeek].reduce((a, b) => (b > a ? b : a));
  const horizon = addDays(thisWeek, 7 * INSIGHT_WEEKS);
  const future = weeksBetween(addDays(thisWeek, 7), latest < horizon ? latest : horizon);
  const completedBy = (week: Day) => completions.filter((completion) => completion.week <= week).reduce((sum, c) => sum + c.count, 0);
  const now = completedBy(thisWeek);
  const total = targets.length;
  const forecastAt = (week: Day): number | null => {
    if (forecastWeek === null || week < thisWeek || week > forecastWeek) return null;
    const span = daysBetween(thisWeek, forecastWeek);
    return span === 0 ? total : roundTenth(now + ((total - now) * daysBetween(thisWeek, week)) / span);
  };
  return [...past, ...future].map((week) => ({
    week,
    planned: plannedBy(targets, week),
    completed: week <= thisWeek ? completedBy(week) : null,
    forecast: forecastAt(week),
  }));
}

/** Planned and logged hours of each week's check-in, from the learner's start week (at most INSIGHT_WEEKS) to this one. */
export function hoursWeeks(
  checkins: readonly { week: Day; planned: number | null; logged: number | null }[],
  startDate: Day,
  today: Day,
): HoursWeek[] {
  const byWeek = new Map(checkins.map((checkin) => [checkin.week, checkin]));
  return chartWeeks(startDate, weekStartOf(today)).map((week) => ({
    week,
    planned: byWeek.get(week)?.planned ?? null,
    logged: byWeek.get(week)?.logged ?? null,
  }));
}

const total = (values: (number | null)[]) => values.reduce<number>((sum, value) => sum + (value ?? 0), 0);

export function hoursTotals(hours: readonly HoursWeek[]): { hoursPlanned: number; hoursLogged: number } {
  return { hoursPlanned: total(hours.map((week) => week.planned)), hoursLogged: total(hours.map((week) => week.logged)) };
}

// ---- CSV: one row per week (per learner for streaks), plain column names with their units.

const FLOW_COLUMNS: [FlowStatus, string][] = [
  ["not_started", "Not started"],
  ["in_progress", "In progress"],
  ["submitted", "Submitted"],
  ["changes_requested", "Changes requested"],
  ["complete", "Complete"],
];

const cell = (value: number | null) => (value === null ? "" : roundTenth(value));

export function healthCsv(health: CohortHealth, chart: "flow" | "pace" | "review-wait" | "streaks"): CsvFile {
  const filename = csvFilename(health.cohort.name, chart, health.today);
  switch (chart) {
    case "flow":
      return {
        filename,
        body: toCsv([
          ["Week", ...FLOW_COLUMNS.map(([, label]) => `${label} (milestones)`)],
          ...health.flow.map((week) => [week.week, ...FLOW_COLUMNS.map(([status]) => week.counts[status])]),
        ]),
      };
    case "pace":
      return {
        filename,
        body: toCsv([
          [
            "Week",
            "Planned (milestones)",
            "10th percentile (milestones)",
            "25th percentile (milestones)",
            "Median (milestones)",
            "75th percentile (milestones)",
            "90th percentile (milestones)",
          ],
          ...health.pace.map((week) => [week.week, week.planned, cell(week.p10), cell(week.p25), cell(week.median), cell(week.p75), cell(week.p90)]),
        ]),
      };
    case "review-wait":
      return {
        filename,
        body: toCsv([
          ["Week", "Decided (attempts)", "Median hours", "90th percentile hours", `Within ${health.cohort.reviewTargetHours} hours (attempts)`],
          ...health.reviewWait.map((week) => [week.week, week.decided, cell(week.medianHours), cell(week.p90Hours), week.withinTarget]),
        ]),
      };
    case "streaks":
      return {
        filename,
        body: toCsv([
          ["Learner", "Streak (weeks)", "Weeks met", "Past weeks"],
          ...health.streaks.map((learner) => [learner.name, learner.streak, learner.weeksMet, learner.weeksPast]),
        ]),
      };
  }
}

export function progressCsv(progress: LearnerProgress, chart: "burnup" | "hours"): CsvFile {
  const filename = csvFilename(progress.cohort.name, chart === "burnup" ? "my-burn-up" : "my-hours", progress.today);
  if (chart === "burnup") {
    return {
      filename,
      body: toCsv([
        ["Week", "Planned (milestones)", "Completed (milestones)", "Forecast (milestones)"],
        ...progress.burnup.map((week) => [week.week, week.planned, cell(week.completed), cell(week.forecast)]),
      ]),
    };
  }
  return {
    filename,
    body: toCsv([["Week", "Planned hours", "Logged hours"], ...progress.hours.map((week) => [week.week, cell(week.planned), cell(week.logged)])]),
  };
}
