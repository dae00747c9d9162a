import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { RiskList } from "@/lib/features/cohort-progress/components/risk-list";
import type { LearnerDetail } from "@/lib/features/cohort-progress/types";
import { formatDay } from "@/lib/calendar";
import { formatMoment } from "@/lib/calendar-zones";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid content-start gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** A learner's standing at a glance: the facts in a row a mentor can scan, then each flag or "Not at risk". */
export function LearnerStanding({ detail }: { detail: LearnerDetail }) {
  const { standing, learner, cohort, lastActivityAt } = detail;
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="Done">
          {standing.completed} of {standing.total} milestones
        </Fact>
        <Fact label="Due by today">{standing.due}</Fact>
        <Fact label="Deadline">
          {standing.deadline ? formatDay(standing.deadline) : "None"}
          {learner.extensionDays > 0 ? <span className="font-normal text-muted-foreground"> (+{learner.extensionDays} days)</span> : null}
        </Fact>
        <Fact label="Started">{formatDay(learner.startDate)}</Fact>
        <Fact label="Last activity">
          {lastActivityAt ? <time dateTime={lastActivityAt}>{formatMoment(lastActivityAt, cohort.timezone)}</time> : "None yet"}
        </Fact>
      </dl>
      {standing.risks.length > 0 ? (
        <RiskList risks={standing.risks} />
      ) : (
        <div>
          <Badge variant="success" icon="circle-check">
            Not at risk
          </Badge>
        </div>
      )}
    </>
  );
}
