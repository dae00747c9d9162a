import { plural } from "@/lib/plural";
import { DIGEST_NAMES } from "@/lib/features/nudges/constants";

/** The learner's own nudge: friendly, with one small next step. */
export function learnerNudgeTitle({ quietDays, cohort, next }: { quietDays: number; cohort: string; next: string | null }): string {
  const start = `It's been ${plural(quietDays, "day")} since your last step in ${cohort}.`;
  return next ? `${start} One small step today: “${next}”.` : `${start} A short check-in keeps your mentor in the loop.`;
}

/** Their mentors, at the next step. */
export function mentorNudgeTitle({ learner, quietDays, cohort }: { learner: string; quietDays: number; cohort: string }): string {
  return `${learner} has been quiet for ${plural(quietDays, "day")} in ${cohort}. A word from you may help.`;
}

export function reviewReminderTitle({
  stage,
  learner,
  item,
  cohort,
  targetHours,
}: {
  stage: "soon" | "overdue";
  learner: string;
  item: string;
  cohort: string;
  targetHours: number;
}): string {
  return stage === "overdue"
    ? `Past the ${targetHours}-hour review target: ${learner}'s “${item}” in ${cohort}`
    : `Due for review soon: ${learner}'s “${item}” in ${cohort} (target ${targetHours} hours)`;
}

export function checkinReminderTitle(weekLabel: string): string {
  return `Your check-in for ${weekLabel} isn't written yet. Two minutes now helps your mentor help you.`;
}

/** "3 learners at risk in MLOps Cohort 2027: Ada, Bo, Cy and 2 more". */
export function digestTitle(cohort: string, names: readonly string[]): string {
  const shown = names.slice(0, DIGEST_NAMES).join(", ");
  const more = names.length > DIGEST_NAMES ? ` and ${names.length - DIGEST_NAMES} more` : "";
  return `This week: ${plural(names.length, "learner")} at risk in ${cohort}: ${shown}${more}`;
}
