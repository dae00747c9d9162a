// The roadmap's two summary cards. They are drawn from the statuses the trail shows, so a tick updates them at once
// (decision 034).
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import type { NextUp } from "@/lib/features/progress/types";
import type { RoadmapSummary } from "@/lib/features/progress/utils";
import { formatDay } from "@/lib/calendar";

export function PaceCard({ summary }: { summary: RoadmapSummary }) {
  const { pace } = summary;
  return (
    <Card>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-medium">Pace</h2>
          {pace.onPace ? (
            <Badge variant="success" icon="gauge">
              On pace
            </Badge>
          ) : (
            <Badge variant="danger" icon="trending-down">
              Behind pace
            </Badge>
          )}
        </div>
        <Progress
          label="Overall progress"
          value={summary.completed}
          max={summary.total}
          valueText={`${summary.completed} of ${summary.total} milestones`}
        />
        <p className="text-xs text-muted-foreground">
          {pace.expected === 0
            ? "Nothing is due yet."
            : `${pace.expected} ${pace.expected === 1 ? "milestone was" : "milestones were"} due by today; you have completed ${pace.completed}.`}{" "}
          {pace.forecast ? (
            <>
              At your pace you finish around <time dateTime={pace.forecast}>{formatDay(pace.forecast)}</time>.
            </>
          ) : summary.completed === summary.total ? (
            "You have finished the roadmap."
          ) : (
            "Complete a milestone to see your forecast finish date."
          )}
        </p>
      </CardContent>
    </Card>
  );
}

/** The card's fixed icons, drawn by the server and passed in (decision 044). */
export type NextUpIcons = { due: ReactNode; open: ReactNode };

export function NextUpCard({ next, cohortQuery, icons }: { next: NextUp | null; cohortQuery: string; icons: NextUpIcons }) {
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
                  {icons.due}
                  Due <time dateTime={next.targetDate}>{formatDay(next.targetDate)}</time>
                </span>
              </p>
            </div>
            <div>
              <Button asChild size="sm">
                <Link href={`/roadmap/${next.key}${cohortQuery}`}>
                  Open milestone
                  {icons.open}
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
