import type { ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { formatMoment } from "@/lib/calendar-zones";
import { EvidenceLink } from "@/lib/features/progress/components/evidence-link";
import { LinkHealthNote } from "@/lib/features/progress/components/link-health-note";
import type { AttemptLinkView, AttemptView } from "@/lib/features/progress/types";
import type { SubmissionStatus } from "@/lib/generated/prisma/enums";

const ATTEMPT_LABELS: Record<SubmissionStatus, { text: string; variant: "warning" | "success" | "danger" | "neutral" }> = {
  pending: { text: "Waiting for review", variant: "warning" },
  approved: { text: "Approved", variant: "success" },
  changes_requested: { text: "Changes requested", variant: "danger" },
  withdrawn: { text: "Withdrawn", variant: "neutral" },
  recorded: { text: "Evidence recorded", variant: "success" },
};

/**
 * Every attempt, newest first, with its evidence and the mentor's decision. What a person can do about an attempt
 * or one of its links comes from the caller (`attemptAction`, `linkAction`): this list imports no client component,
 * so a page loads only the ones its own audience can use (the mentor's review screen none of the learner's).
 */
export function AttemptList({
  attempts,
  timezone,
  audience,
  attemptAction,
  linkAction,
}: {
  attempts: AttemptView[];
  timezone: string;
  audience: "learner" | "mentor";
  attemptAction?: (attempt: AttemptView) => ReactNode;
  linkAction?: (link: AttemptLinkView) => ReactNode;
}) {
  if (attempts.length === 0) return <p className="text-sm text-muted-foreground">No attempts yet.</p>;
  return (
    <ol className="grid gap-3">
      {attempts.map((attempt) => {
        const label = ATTEMPT_LABELS[attempt.status];
        return (
          <li key={attempt.id} className="grid gap-3 rounded-lg border border-border p-3" aria-label={`Attempt ${attempt.attempt}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-medium">
                Attempt {attempt.attempt}{" "}
                <span className="font-normal text-muted-foreground">
                  · <time dateTime={attempt.createdAt}>{formatMoment(attempt.createdAt, timezone)}</time>
                </span>
              </p>
              <div className="flex items-center gap-2">
                {attempt.source === "ci" ? <Badge variant="info">from CI</Badge> : null}
                <Badge variant={label.variant}>{label.text}</Badge>
                {attemptAction?.(attempt)}
              </div>
            </div>
            <ul className="grid gap-1">
              {attempt.links.map((link) => (
                <li key={link.id} className="grid min-w-0 gap-1">
                  <EvidenceLink url={link.url} label={link.label ?? undefined} kind={link.kind} />
                  <LinkHealthNote link={link} timezone={timezone} audience={audience} />
                  {linkAction?.(link)}
                </li>
              ))}
            </ul>
            {attempt.note ? <Markdown compact>{attempt.note}</Markdown> : null}
            {attempt.decision ? (
              <div className="grid gap-1 border-t border-border pt-2">
                <p className="text-xs text-muted-foreground">
                  {attempt.decision.decision === "approve" ? "Approved" : "Changes requested"} by {attempt.decision.reviewerName} ·{" "}
                  <time dateTime={attempt.decision.decidedAt}>{formatMoment(attempt.decision.decidedAt, timezone)}</time>
                </p>
                {attempt.decision.comment ? <Markdown compact>{attempt.decision.comment}</Markdown> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
