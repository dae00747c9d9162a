import { BadgeCheck } from "@/components/ui/icons/badge-check";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/calendar";
import { dayIn } from "@/lib/calendar-zones";
import { SignOffButton } from "@/lib/features/cohort-progress/components/sign-off-button";
import type { AssessmentView } from "@/lib/features/cohort-progress/types";
import type { SelfAssessment } from "@/lib/generated/prisma/enums";

const LEVELS: Record<SelfAssessment, { text: string; variant: "neutral" | "warning" | "success" }> = {
  not_yet: { text: "Not yet", variant: "neutral" },
  partly: { text: "Partly", variant: "warning" },
  confident: { text: "Confident", variant: "success" },
};

/** The roadmap's success criteria with the learner's own assessment, and a sign-off for each one they answered. */
export function Assessments({
  assessments,
  canSignOff,
  timezone,
}: {
  assessments: AssessmentView[];
  canSignOff: boolean;
  timezone: string;
}) {
  if (assessments.length === 0) return <p className="text-sm text-muted-foreground">This roadmap has no success criteria.</p>;
  return (
    <ol className="grid gap-3">
      {assessments.map((assessment) => (
        <li
          key={assessment.criterionKey}
          className="grid gap-2 rounded-lg border border-border bg-surface p-3 sm:p-4"
          data-criterion={assessment.criterionKey}
        >
          <p className="text-sm font-medium break-words">{assessment.text}</p>
          {assessment.level ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-xs text-muted-foreground">Learner says</span>
              <Badge variant={LEVELS[assessment.level].variant}>{LEVELS[assessment.level].text}</Badge>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">Not assessed yet.</p>
          )}
          {assessment.justification ? (
            <p className="border-l-2 border-border pl-2 text-sm leading-5 break-words whitespace-pre-line">{assessment.justification}</p>
          ) : null}
          {assessment.signedOffAt && assessment.signedOffBy ? (
            <p className="inline-flex items-center gap-1 text-xs text-status-success-fg">
              <BadgeCheck aria-hidden className="size-4" />
              Signed off by {assessment.signedOffBy} on {formatDay(dayIn(new Date(assessment.signedOffAt), timezone))}
            </p>
          ) : assessment.id && assessment.updatedAt && canSignOff ? (
            <div>
              <SignOffButton assessmentId={assessment.id} seenUpdatedAt={assessment.updatedAt} criterion={assessment.text} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
