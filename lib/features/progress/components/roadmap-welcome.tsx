// The welcome a learner reads on their roadmap until they do anything in the cohort (no progress, no check-in).
// A server component with nothing to dismiss: it stops rendering once they have activity, so it ships no JavaScript.
import { Card, CardContent, CardTitle } from "@/components/ui/card";
import { formatDay } from "@/lib/calendar";
import type { LearnerRoadmap, RoadmapWelcome as Welcome } from "@/lib/features/progress/types";
import { plural } from "@/lib/plural";

type Props = { roadmap: Pick<LearnerRoadmap, "roadmapTitle" | "summary" | "startDate" | "today">; welcome: Welcome };

export function RoadmapWelcome({ roadmap, welcome }: Props) {
  const { roadmapTitle, summary, startDate, today } = roadmap;
  const { phaseCount, milestoneCount, weeklyRule, firstDue } = welcome;
  return (
    <section aria-labelledby="roadmap-welcome" className="mb-6">
      <Card className="border-accent/40">
        <CardContent className="grid gap-3">
          <div className="grid gap-1">
            <CardTitle id="roadmap-welcome">Welcome to {roadmapTitle}</CardTitle>
            {summary ? <p className="max-w-prose text-sm text-muted-foreground">{summary}</p> : null}
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-y-2">
            <dt className="font-medium">The roadmap</dt>
            <dd className="mb-1 text-muted-foreground sm:mb-0">
              {plural(phaseCount, "phase")} and {plural(milestoneCount, "milestone")}, worked in order.
            </dd>
            {weeklyRule.length > 0 ? (
              <>
                <dt className="font-medium">Each week</dt>
                <dd className="mb-1 text-muted-foreground sm:mb-0">{weeklyRule.join(" · ")}</dd>
              </>
            ) : null}
            <dt className="font-medium">Evidence</dt>
            <dd className="mb-1 text-muted-foreground sm:mb-0">
              Open a milestone and add links to your work; where a mentor reviews it, use “Submit for review”.
            </dd>
            <dt className="font-medium">Your schedule</dt>
            <dd className="text-muted-foreground">
              {startDate < today ? "Started" : "Starts"} <time dateTime={startDate}>{formatDay(startDate)}</time>
              {firstDue ? (
                <>
                  ; first milestone due <time dateTime={firstDue}>{formatDay(firstDue)}</time>
                </>
              ) : null}
              .
            </dd>
          </dl>
        </CardContent>
      </Card>
    </section>
  );
}
