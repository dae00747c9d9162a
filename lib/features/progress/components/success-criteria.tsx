import { BadgeCheck } from "@/components/ui/icons/badge-check";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Glyph } from "@/components/ui/glyph";
import { CriterionFormWhenOpened } from "@/lib/features/progress/components/criterion-form-when-opened";
import { SELF_ASSESSMENT_LABELS } from "@/lib/features/progress/constants";
import type { CriterionView } from "@/lib/features/progress/types";
import type { SelfAssessment } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";

const LEVEL_VARIANTS: Record<SelfAssessment, BadgeProps["variant"]> = { not_yet: "neutral", partly: "info", confident: "success" };

/**
 * The roadmap's success criteria, one line each: the criterion, the learner's own answer and a mentor's sign-off.
 * A line opens to the self-assessment form, so the list stays short on a page that is mostly the trail.
 */
export function SuccessCriteria({ cohortId, criteria, timezone }: { cohortId: string; criteria: CriterionView[]; timezone: string }) {
  if (criteria.length === 0) return null;
  return (
    <section aria-labelledby="success-criteria" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="success-criteria" className="text-base font-semibold">
          Success criteria
        </h2>
        <p className="text-sm text-muted-foreground">
          Where do you stand on each? Open one to answer; your mentors read your answers and can sign them off.
        </p>
      </div>
      <ol className="divide-y divide-border rounded-xl border border-border bg-surface">
        {criteria.map((criterion) => (
          <li key={criterion.key}>
            <details className="group">
              <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-3">
                <span className="flex min-w-0 flex-1 items-center gap-2">
                  <Glyph name="chevron-right" className="size-4 shrink-0 text-muted-foreground group-open:rotate-90" />
                  <span id={`criterion-${criterion.key}`} className="min-w-0 text-sm font-medium break-words">
                    {criterion.text}
                  </span>
                </span>
                <span className="flex flex-wrap gap-1">
                  {criterion.level ? (
                    <Badge variant={LEVEL_VARIANTS[criterion.level]}>
                      <span className="sr-only">Your answer: </span>
                      {SELF_ASSESSMENT_LABELS[criterion.level]}
                    </Badge>
                  ) : (
                    <Badge variant="outline">Not answered yet</Badge>
                  )}
                  {criterion.signedOffBy ? (
                    <Badge variant="success" icon="user-check">
                      Signed off
                    </Badge>
                  ) : null}
                </span>
              </summary>
              <div role="group" aria-labelledby={`criterion-${criterion.key}`} className="grid gap-3 px-4 pb-4">
                {criterion.signedOffBy && criterion.signedOffAt ? (
                  <p className="inline-flex items-center gap-1 text-xs text-status-success-fg">
                    <BadgeCheck aria-hidden className="size-4" />
                    Signed off by {criterion.signedOffBy} on {formatDay(dayIn(new Date(criterion.signedOffAt), timezone))}
                  </p>
                ) : null}
                <CriterionFormWhenOpened cohortId={cohortId} criterion={criterion} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
