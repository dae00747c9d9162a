import { plural } from "@/lib/plural";
import { RISK_SEVERITY_LABELS } from "@/lib/features/cohort-progress/constants";
import { severityRank } from "@/lib/features/cohort-progress/policy";
import type { RiskFlag, RiskSeverity } from "@/lib/features/cohort-progress/types";
import { DETAIL_TEXT_MAX, DETAILS_MAX } from "@/lib/features/notifications/constants";
import type { NotificationDetail } from "@/lib/features/notifications/types";
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

type FlaggedLearner = { name: string; membershipId: string; severity: RiskSeverity; risks: readonly RiskFlag[] };

/** At risk before Watch, then by name: the order of the digest's title and of its list. */
export function digestOrder(learners: readonly FlaggedLearner[]): FlaggedLearner[] {
  return [...learners].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name));
}

/** "This week in MLOps Cohort 2027: 2 at risk, 1 to watch — Ada, Bo, Cy and 2 more" (learners in digestOrder). */
export function digestTitle(cohort: string, learners: readonly FlaggedLearner[]): string {
  const atRisk = learners.filter((learner) => learner.severity === "at_risk").length;
  const watch = learners.length - atRisk;
  const counts = [atRisk > 0 ? `${atRisk} at risk` : null, watch > 0 ? `${watch} to watch` : null].filter(Boolean).join(", ");
  const shown = learners.slice(0, DIGEST_NAMES).map((learner) => learner.name).join(", ");
  const more = learners.length > DIGEST_NAMES ? ` and ${learners.length - DIGEST_NAMES} more` : "";
  return `This week in ${cohort}: ${counts} — ${shown}${more}`;
}

/**
 * The digest's list: each learner (in digestOrder), how serious, and every reason, linked to their page in the
 * cohort — what a mentor needs to decide whom to write to first without opening Cairn.
 */
export function digestDetails(cohortId: string, learners: readonly FlaggedLearner[]): NotificationDetail[] {
  return learners.slice(0, DETAILS_MAX).map((learner) => {
    const reasons = [...learner.risks]
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
      .map((risk) => risk.reason)
      .join("; ");
    const text = `${learner.name} — ${RISK_SEVERITY_LABELS[learner.severity]}: ${reasons}`;
    return {
      text: text.length > DETAIL_TEXT_MAX ? `${text.slice(0, DETAIL_TEXT_MAX - 1).trimEnd()}…` : text,
      href: `/cohorts/${cohortId}/learners/${learner.membershipId}`,
    };
  });
}
