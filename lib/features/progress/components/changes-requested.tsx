import { Markdown } from "@/components/markdown";
import type { AttemptView } from "@/lib/features/progress/types";
import { formatMoment } from "@/lib/calendar-zones";

/**
 * The mentor's request for changes, at the top of the milestone page: what the learner answers next. `resubmit` says
 * the form below starts from that attempt's links and note.
 */
export function ChangesRequested({
  attempt,
  decision,
  timezone,
  resubmit,
}: {
  attempt: number;
  decision: NonNullable<AttemptView["decision"]>;
  timezone: string;
  resubmit: boolean;
}) {
  return (
    <section aria-labelledby="requested-heading" className="mb-8 grid gap-2 rounded-xl border border-status-danger-border bg-status-danger-subtle/40 p-4">
      <h2 id="requested-heading" className="text-sm font-semibold">
        {decision.reviewerName} requested changes on attempt {attempt}
      </h2>
      <p className="text-xs text-muted-foreground">
        <time dateTime={decision.decidedAt}>{formatMoment(decision.decidedAt, timezone)}</time>
        {resubmit ? " · your links and note are in the form below, ready to edit and resubmit" : null}
      </p>
      <Markdown compact>{decision.comment}</Markdown>
    </section>
  );
}
