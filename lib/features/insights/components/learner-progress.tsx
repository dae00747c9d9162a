// One learner's progress over time, for the learner (My progress) and for their mentors (the learner's page): the
// burn-up of milestones against their schedule with the forecast finish, and hours planned against hours logged.
import { ChartFigure } from "@/components/charts/chart-figure";
import { Plot } from "@/components/charts/plot";
import { formatDay, formatShortDay, formatWeekRange, weekStartOf } from "@/lib/calendar";
import type { LearnerProgress } from "@/lib/features/insights/types";
import { plural } from "@/lib/plural";

function finishSentence(progress: LearnerProgress, who: "you" | "they"): string {
  if (progress.milestones > 0 && progress.completed === progress.milestones) return "Every milestone is complete.";
  if (!progress.forecast) return `The forecast appears once ${who === "you" ? "you complete" : "they complete"} a milestone.`;
  const verdict = progress.forecast <= progress.finishTarget ? "on or before" : "after";
  return `At ${who === "you" ? "your" : "their"} pace so far ${who} finish around ${formatDay(progress.forecast)}, ${verdict} the target of ${formatDay(progress.finishTarget)}.`;
}

export function BurnupChart({ progress, who, csvHref }: { progress: LearnerProgress; who: "you" | "they"; csvHref?: string }) {
  const weeks = progress.burnup.map((point) => point.week);
  const thisWeek = weekStartOf(progress.today);
  const planned = progress.burnup.find((point) => point.week === thisWeek)?.planned ?? 0;
  const summary =
    `${progress.completed} of ${plural(progress.milestones, "milestone")} complete; the schedule expects ${planned} by the end of this ` +
    `week. ${finishSentence(progress, who)}`;
  const hasForecast = progress.burnup.some((point) => point.forecast !== null);
  return (
    <ChartFigure
      id="burnup"
      title="Milestones against the schedule"
      summary={summary}
      csvHref={csvHref}
      table={{
        columns: ["Week", "Planned", "Complete", ...(hasForecast ? ["Forecast"] : [])],
        rows: progress.burnup.map((point) => [
          formatWeekRange(point.week),
          point.planned,
          point.completed ?? "–",
          ...(hasForecast ? [point.forecast ?? "–"] : []),
        ]),
      }}
    >
      <Plot
        label={`Milestones complete at the end of each week against the schedule, with the forecast. ${summary}`}
        categories={weeks.map(formatShortDay)}
        categoryNames={weeks.map((week) => `Week of ${formatShortDay(week)}`)}
        yMax={Math.max(1, progress.milestones)}
        marker={weeks.includes(thisWeek) && thisWeek !== weeks.at(-1) ? { label: "This week", index: weeks.indexOf(thisWeek) } : undefined}
        lines={[
          { label: "Schedule", tone: "neutral", dashed: true, values: progress.burnup.map((point) => point.planned) },
          { label: "Complete", tone: "success", values: progress.burnup.map((point) => point.completed) },
          ...(hasForecast
            ? [{ label: "Forecast", tone: "info" as const, dashed: true, values: progress.burnup.map((point) => point.forecast) }]
            : []),
        ]}
      />
    </ChartFigure>
  );
}

export function HoursChart({ progress, who, csvHref }: { progress: LearnerProgress; who: "you" | "they"; csvHref?: string }) {
  const weeks = progress.hours.map((point) => point.week);
  const summary =
    progress.hoursPlanned + progress.hoursLogged > 0
      ? `${who === "you" ? "You" : "They"} planned ${plural(progress.hoursPlanned, "hour")} in check-ins and logged ${plural(progress.hoursLogged, "hour")}.`
      : `No hours in check-ins yet: ${who === "you" ? "plan your week on Check-ins and log the hours when you close it out" : "they have not planned or logged hours in a check-in"}.`;
  return (
    <ChartFigure
      id="hours"
      title="Hours planned and logged"
      summary={summary}
      csvHref={csvHref}
      table={{
        columns: ["Week", "Planned hours", "Logged hours"],
        rows: progress.hours.map((point) => [formatWeekRange(point.week), point.planned ?? "–", point.logged ?? "–"]),
      }}
    >
      <Plot
        label={`Hours planned and logged in each week's check-in. ${summary}`}
        categories={weeks.map(formatShortDay)}
        categoryNames={weeks.map((week) => `Week of ${formatShortDay(week)}`)}
        unit=" h"
        bars={[
          { label: "Planned", tone: "neutral", values: progress.hours.map((point) => point.planned) },
          { label: "Logged", tone: "accent", values: progress.hours.map((point) => point.logged) },
        ]}
      />
    </ChartFigure>
  );
}

/** The headline figures above the charts. */
export function ProgressFigures({ progress }: { progress: LearnerProgress }) {
  const figures = [
    { label: "Complete", value: `${progress.completed} of ${progress.milestones}` },
    { label: "Forecast finish", value: progress.forecast ? formatDay(progress.forecast) : "–" },
    { label: "Target finish", value: formatDay(progress.finishTarget) },
    { label: "Check-in streak", value: plural(progress.streak, "week") },
    { label: "Weekly rule met", value: `${progress.weeksMet} of ${plural(progress.weeksPast, "week")}` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((figure) => (
        <div key={figure.label} className="grid gap-0.5 rounded-lg border border-border bg-surface p-3">
          <dt className="text-xs text-muted-foreground">{figure.label}</dt>
          <dd className="text-base font-semibold tabular-nums">{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
