import { ArrowRight, CalendarClock, Gauge, TrendingDown } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { RoadmapTrail } from "@/lib/features/progress/components/roadmap-trail";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { SuccessCriteria } from "@/lib/features/progress/components/success-criteria";
import type { LearnerRoadmap } from "@/lib/features/progress/types";
import { formatDay } from "@/lib/calendar";

function PaceCard({ roadmap }: { roadmap: LearnerRoadmap }) {
  const { pace } = roadmap;
  return (
    <Card>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-medium">Pace</h2>
          {pace.onPace ? (
            <Badge variant="success" icon={Gauge}>
              On pace
            </Badge>
          ) : (
            <Badge variant="danger" icon={TrendingDown}>
              Behind pace
            </Badge>
          )}
        </div>
        <Progress
          label="Overall progress"
          value={roadmap.completed}
          max={roadmap.total}
          valueText={`${roadmap.completed} of ${roadmap.total} milestones`}
        />
        <p className="text-xs text-muted-foreground">
          {pace.expected === 0
            ? "Nothing is due yet."
            : `${pace.expected} ${pace.expected === 1 ? "milestone was" : "milestones were"} due by today; you have completed ${pace.completed}.`}{" "}
          {pace.forecast ? (
            <>
              At your pace you finish around <time dateTime={pace.forecast}>{formatDay(pace.forecast)}</time>.
            </>
          ) : roadmap.completed === roadmap.total ? (
            "You have finished the roadmap."
          ) : (
            "Complete a milestone to see your forecast finish date."
          )}
        </p>
      </CardContent>
    </Card>
  );
}

function NextUpCard({ roadmap, cohortQuery }: { roadmap: LearnerRoadmap; cohortQuery: string }) {
  const next = roadmap.nextUp;
  return (
    <Card>
      <CardContent className="grid gap-3">
        <h2 className="text-sm font-medium">Next up</h2>
        {next ? (
          <>
            <div className="grid gap-1">
              <p className="font-semibold break-words">{next.title}</p>
              <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <StatusBadge status={next.status} />
                <span>{next.phaseTitle}</span>
                <span className="inline-flex items-center gap-1">
                  <CalendarClock aria-hidden className="size-3.5" />
                  Due <time dateTime={next.targetDate}>{formatDay(next.targetDate)}</time>
                </span>
              </p>
            </div>
            <div>
              <Button asChild size="sm">
                <Link href={`/roadmap/${next.key}${cohortQuery}`}>
                  Open milestone
                  <ArrowRight aria-hidden />
                </Link>
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">
            Nothing to pick up: everything left is waiting for a mentor&apos;s review, or you are done.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

export function RoadmapView({ roadmap, cohortQuery }: { roadmap: LearnerRoadmap; cohortQuery: string }) {
  return (
    <div className="grid gap-6">
      <div className="grid gap-3 md:grid-cols-2">
        <NextUpCard roadmap={roadmap} cohortQuery={cohortQuery} />
        <PaceCard roadmap={roadmap} />
      </div>
      <RoadmapTrail cohortId={roadmap.cohortId} cohortQuery={cohortQuery} phases={roadmap.phases} />
      <SuccessCriteria cohortId={roadmap.cohortId} criteria={roadmap.criteria} timezone={roadmap.timezone} />
    </div>
  );
}
