// Cohort health for its mentors: how the cohort's milestones flow through the statuses, its pace against the plan,
// how long reviews take against the target, and who keeps the weekly rule. Drawn on the server (components/charts).
import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Plot } from "@/components/charts/plot";
import { formatValue } from "@/components/charts/scale";
import { formatShortDay, formatWeekRange } from "@/lib/calendar";
import type { CohortHealth, FlowStatus } from "@/lib/features/insights/types";
import { plural } from "@/lib/plural";

/** Bottom to top: what is finished at the foot of the chart, what has not begun at its head. */
const FLOW_LAYERS: { status: FlowStatus; label: string; tone: "success" | "danger" | "warning" | "info" | "neutral" }[] = [
  { status: "complete", label: "Complete", tone: "success" },
  { status: "changes_requested", label: "Changes requested", tone: "danger" },
  { status: "submitted", label: "Submitted", tone: "warning" },
  { status: "in_progress", label: "In progress", tone: "info" },
  { status: "not_started", label: "Not started", tone: "neutral" },
];

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const hours = (value: number | null) => (value === null ? "–" : `${formatValue(value)} h`);

function FlowChart({ health, csvHref }: { health: CohortHealth; csvHref: string }) {
  const weeks = health.flow.map((point) => point.week);
  const now = health.flow.at(-1)?.counts;
  const total = now ? Object.values(now).reduce((sum, count) => sum + count, 0) : 0;
  const summary = now
    ? `This week, of ${plural(total, "learner milestone")}: ${now.complete} complete (${percent(now.complete, total)}%), ` +
      `${now.in_progress} in progress, ${now.submitted} waiting for review, ${now.changes_requested} with changes requested ` +
      `and ${now.not_started} not started.`
    : "No weeks to show yet.";
  return (
    <ChartFigure
      id="flow"
      title="Cumulative flow"
      summary={summary}
      csvHref={csvHref}
      table={{
        columns: ["Week", ...FLOW_LAYERS.map((layer) => layer.label)],
        rows: health.flow.map((point) => [formatWeekRange(point.week), ...FLOW_LAYERS.map((layer) => point.counts[layer.status])]),
      }}
    >
      <Plot
        label={`Milestones of every learner by status at the end of each week since the cohort started. ${summary}`}
        categories={weeks.map(formatShortDay)}
        categoryNames={weeks.map((week) => `Week of ${formatShortDay(week)}`)}
        layers={FLOW_LAYERS.map((layer) => ({
          label: layer.label,
          tone: layer.tone,
          values: health.flow.map((point) => point.counts[layer.status]),
        }))}
      />
    </ChartFigure>
  );
}

function PaceChart({ health, csvHref, learnerBase }: { health: CohortHealth; csvHref: string; learnerBase: string }) {
  const weeks = health.pace.map((point) => point.week);
  const now = health.pace.at(-1);
  const summary = now
    ? `The median learner has ${formatValue(now.median)} of ${plural(health.milestones, "milestone")} complete; the plan ` +
      `expects ${now.planned} by now. The middle half of the cohort has ${formatValue(now.p25)}–${formatValue(now.p75)}.`
    : "No weeks to show yet.";
  const behind = health.paceLearners.filter((learner) => learner.expected > learner.completed).slice(0, 5);
  return (
    <ChartFigure
      id="pace"
      title="Pace against plan"
      summary={summary}
      csvHref={csvHref}
      table={{
        columns: ["Week", "Plan", "10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile"],
        rows: health.pace.map((point) => [
          formatWeekRange(point.week),
          point.planned,
          ...[point.p10, point.p25, point.median, point.p75, point.p90].map(formatValue),
        ]),
      }}
    >
      <Plot
        label={`Milestones complete per learner at the end of each week, the cohort's spread against the plan. ${summary}`}
        categories={weeks.map(formatShortDay)}
        categoryNames={weeks.map((week) => `Week of ${formatShortDay(week)}`)}
        yMax={Math.max(1, health.milestones)}
        bands={[
          { label: "Middle 80%", tone: "neutral", lower: health.pace.map((point) => point.p10), upper: health.pace.map((point) => point.p90) },
          { label: "Middle half", tone: "info", lower: health.pace.map((point) => point.p25), upper: health.pace.map((point) => point.p75) },
        ]}
        lines={[
          { label: "Plan", tone: "neutral", dashed: true, values: health.pace.map((point) => point.planned) },
          { label: "Median", tone: "info", values: health.pace.map((point) => point.median) },
        ]}
      />
      {behind.length > 0 ? (
        <div className="grid gap-1 text-sm">
          <h4 className="font-medium">Furthest behind</h4>
          <ul className="grid gap-1">
            {behind.map((learner) => (
              <li key={learner.membershipId} className="flex min-w-0 items-baseline justify-between gap-3">
                <Link href={`${learnerBase}/${learner.membershipId}`} className="truncate text-accent hover:underline">
                  {learner.name}
                </Link>
                <span className="shrink-0 text-muted-foreground tabular-nums">
                  {learner.completed} of {learner.expected} due
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ChartFigure>
  );
}

function ReviewWaitChart({ health, csvHref }: { health: CohortHealth; csvHref: string }) {
  const weeks = health.reviewWait.map((point) => point.week);
  const target = health.cohort.reviewTargetHours;
  const recent = health.reviewWait.slice(-4);
  const decided = recent.reduce((sum, point) => sum + point.decided, 0);
  const within = recent.reduce((sum, point) => sum + point.withinTarget, 0);
  const summary =
    decided > 0
      ? `In the last four weeks, ${within} of ${plural(decided, "decision")} (${percent(within, decided)}%) came within the ` +
        `${target} h target.`
      : `No decisions in the last four weeks; the target is ${target} h.`;
  return (
    <ChartFigure
      id="review-wait"
      title="Review wait"
      summary={summary}
      csvHref={csvHref}
      table={{
        columns: ["Week", "Decisions", "Median wait", "90th percentile wait", "Within target"],
        rows: health.reviewWait.map((point) => [
          formatWeekRange(point.week),
          point.decided,
          hours(point.medianHours),
          hours(point.p90Hours),
          point.withinTarget,
        ]),
      }}
    >
      <Plot
        label={`Hours from an attempt to its decision, by the week of the decision, against the cohort's target. ${summary}`}
        categories={weeks.map(formatShortDay)}
        categoryNames={weeks.map((week) => `Decided in the week of ${formatShortDay(week)}`)}
        unit=" h"
        bars={[{ label: "Median wait", tone: "info", values: health.reviewWait.map((point) => point.medianHours) }]}
        lines={[{ label: "90th percentile", tone: "warning", values: health.reviewWait.map((point) => point.p90Hours) }]}
        reference={{ label: `Target (${target} h)`, tone: "danger", value: target }}
      />
    </ChartFigure>
  );
}

/** Streaks longer than this share the last column of the chart. */
const STREAK_COLUMNS = 8;

function StreakChart({ health, csvHref }: { health: CohortHealth; csvHref: string }) {
  const counts = Array.from({ length: STREAK_COLUMNS + 1 }, () => 0);
  for (const learner of health.streaks) counts[Math.min(learner.streak, STREAK_COLUMNS)]! += 1;
  const onStreak = health.streaks.filter((learner) => learner.streak > 0).length;
  const longest = Math.max(0, ...health.streaks.map((learner) => learner.streak));
  const categories = counts.map((_, streak) => (streak === STREAK_COLUMNS ? `${streak}+` : String(streak)));
  const summary =
    health.streaks.length > 0
      ? `${onStreak} of ${plural(health.streaks.length, "learner")} keep a streak of the weekly rule; the longest is ` +
        `${plural(longest, "week")}.`
      : "No learners yet.";
  return (
    <ChartFigure
      id="streaks"
      title="Check-in streaks"
      summary={summary}
      csvHref={csvHref}
      // The table holds what the chart draws, learners per streak length; the CSV has every learner's own streak.
      table={{
        columns: ["Streak (weeks)", "Learners"],
        rows: counts.map((learners, streak) => [categories[streak]!, learners]),
      }}
    >
      <Plot
        label={`How many learners have each streak length, in weeks of the weekly rule kept in a row. ${summary}`}
        categories={categories}
        categoryNames={categories.map((category) => `Streak of ${category} ${category === "1" ? "week" : "weeks"}`)}
        bars={[{ label: "Learners", tone: "success", values: counts }]}
      />
    </ChartFigure>
  );
}

export function CohortHealthCharts({ health, csvBase, learnerBase }: { health: CohortHealth; csvBase: string; learnerBase: string }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <FlowChart health={health} csvHref={`${csvBase}/flow`} />
      <PaceChart health={health} csvHref={`${csvBase}/pace`} learnerBase={learnerBase} />
      <ReviewWaitChart health={health} csvHref={`${csvBase}/review-wait`} />
      <StreakChart health={health} csvHref={`${csvBase}/streaks`} />
    </div>
  );
}
