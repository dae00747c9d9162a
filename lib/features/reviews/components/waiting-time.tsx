import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatMoment } from "@/lib/calendar-zones";
import { waitingFor } from "@/lib/features/reviews/utils";

/**
 * "waiting 2 days" against the cohort's review target; an overdue attempt says so in words and with an icon as
 * well as colour (docs/ux.md: status is text first). The absolute time is on hover.
 */
export function WaitingTime({
  submittedAt,
  now,
  targetHours,
  timezone,
  className,
}: {
  submittedAt: string;
  now: string;
  targetHours: number;
  timezone: string;
  className?: string;
}) {
  const waiting = waitingFor(new Date(submittedAt), new Date(now), targetHours);
  const absolute = `Submitted ${formatMoment(submittedAt, timezone, { named: true })} · review target ${targetHours} hours`;
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-xs", className)}>
      <time dateTime={submittedAt} title={absolute} className="whitespace-nowrap text-foreground tabular-nums">
        waiting {waiting.waited}
      </time>
      {waiting.overdue ? (
        <Badge variant="danger" icon="alarm-clock" title={`Review target: ${targetHours} hours`}>
          Overdue by {waiting.overdueBy}
        </Badge>
      ) : (
        <span className="whitespace-nowrap text-muted-foreground" title={`Review target: ${targetHours} hours`}>
          {waiting.left} to target
        </span>
      )}
    </span>
  );
}
