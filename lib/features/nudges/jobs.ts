import "server-only";
import { daysBetween, weekStartOf } from "@/lib/calendar";
import { dayIn, weekdayAndHourIn } from "@/lib/calendar-zones";
import { getCohortStructure, listLearnerRows } from "@/lib/features/cohort-progress/data";
import { learnerStanding, recentSince, statusOf } from "@/lib/features/cohort-progress/utils";
import { AT_RISK_DIGEST, CHECKIN_REMINDER, MENTOR_STEP, NUDGE_GAP_DAYS, NUDGE_STEPS } from "@/lib/features/nudges/constants";
import { listLiveCohorts, listNudgesSince } from "@/lib/features/nudges/data";
import {
  nudgeLearner,
  recordAtRisk,
  remindMissingCheckins,
  remindWaitingReviews,
  sendAtRiskDigest,
  tellMentorsOfStall,
} from "@/lib/features/nudges/mutations";
import { nudgeDue, nudgeStep } from "@/lib/features/nudges/policy";
import { digestDetails, digestOrder, digestTitle, learnerNudgeTitle, mentorNudgeTitle } from "@/lib/features/nudges/utils";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import type { JobDefinition, JobSummary } from "@/lib/jobs/types";

/** One cohort's learners with their standing today, in the cohort's zone (the matrix's own rules). */
async function standings(cohortId: string, now: Date) {
  const structure = await getCohortStructure(cohortId);
  if (!structure) return null;
  const today = dayIn(now, structure.timezone);
  const memo = new Map();
  const rows = await listLearnerRows(cohortId, recentSince(today), structure.timezone);
  return { structure, today, learners: rows.map((row) => ({ row, standing: learnerStanding(structure, row, today, memo) })) };
}

/**
 * Daily: a learner quiet for one, two, three times the cohort's inactivity setting gets a friendly nudge with one
 * small next step; from the second step their mentors are told too. Each step once per quiet stretch, never two of
 * a kind within a week. Also marks learners found at risk, at most once a week each.
 */
export async function runNudges(now: Date): Promise<JobSummary> {
  const summary = { cohorts: 0, learnerNudges: 0, mentorNudges: 0, atRisk: 0 };
  const since = new Date(now.getTime() - (NUDGE_STEPS + 1) * 31 * 24 * 3600_000);
  for (const cohort of await listLiveCohorts(now)) {
    const found = await standings(cohort.id, now);
    if (!found) continue;
    summary.cohorts += 1;
    const { structure, today, learners } = found;
    const sent = await listNudgesSince(cohort.id, since);
    for (const { row, standing } of learners) {
      const mine = sent.filter((nudge) => nudge.learnerId === row.userId);
      const quietSince = row.lastActivityOn ?? (row.joinedOn > row.startDate ? row.joinedOn : row.startDate);
      const quietDays = daysBetween(quietSince, today);
      const step = nudgeStep(quietDays, structure.inactivityDays);
      const context = { lastActivityAt: row.lastActivityAt, today, zone: structure.timezone, gapDays: NUDGE_GAP_DAYS };
      const next = structure.phases.flatMap((phase) => phase.milestones).find((milestone) => !COMPLETE_STATUSES.has(statusOf(row, milestone.key)));
      if (nudgeDue(step, mine.filter((nudge) => nudge.kind === "learner"), context)) {
        await nudgeLearner({
          cohortId: cohort.id,
          learnerId: row.userId,
          step,
          title: learnerNudgeTitle({ quietDays, cohort: cohort.name, next: next?.title ?? null }),
          href: next ? `/roadmap/${next.key}` : "/check-ins",
          now,
        });
        summary.learnerNudges += 1;
      }
      if (step >= MENTOR_STEP && nudgeDue(step, mine.filter((nudge) => nudge.kind === "mentors"), context)) {
        await tellMentorsOfStall({
          cohortId: cohort.id,
          learnerId: row.userId,
          step,
          title: mentorNudgeTitle({ learner: row.name, quietDays, cohort: cohort.name }),
          href: `/cohorts/${cohort.id}/learners/${row.membershipId}`,
          now,
        });
        summary.mentorNudges += 1;
      }
      const flaggedThisWeek = mine.some((nudge) => nudge.kind === "at_risk" && daysBetween(dayIn(nudge.at, structure.timezone), today) < NUDGE_GAP_DAYS);
      if (standing.severity !== null && !flaggedThisWeek) {
        await recordAtRisk(cohort, { id: row.userId, name: row.name, membershipId: row.membershipId }, standing.risks, now);
        summary.atRisk += 1;
      }
    }
  }
  return summary;
}

/**
 * Hourly: review-target reminders to mentors; on Friday afternoon in each cohort's zone, the check-in reminder to
 * learners without one this week; on Monday morning, the at-risk digest to mentors. Each is said once (its link
 * names the attempt or the week).
 */
export async function runReminders(now: Date): Promise<JobSummary> {
  const summary = { reviewReminders: await remindWaitingReviews(now), checkinReminders: 0, digests: 0 };
  for (const cohort of await listLiveCohorts(now)) {
    const { weekday, hour } = weekdayAndHourIn(now, cohort.timezone);
    const weekStart = weekStartOf(dayIn(now, cohort.timezone));
    if (weekday === CHECKIN_REMINDER.weekday && hour >= CHECKIN_REMINDER.fromHour) {
      summary.checkinReminders += await remindMissingCheckins(cohort.id, weekStart);
    }
    if (weekday === AT_RISK_DIGEST.weekday && hour >= AT_RISK_DIGEST.fromHour) {
      const found = await standings(cohort.id, now);
      const flagged = digestOrder(
        (found?.learners ?? []).flatMap(({ row, standing }) =>
          standing.severity === null ? [] : [{ name: row.name, membershipId: row.membershipId, severity: standing.severity, risks: standing.risks }],
        ),
      );
      if (flagged.length > 0) {
        summary.digests += await sendAtRiskDigest(cohort.id, weekStart, {
          title: digestTitle(cohort.name, flagged),
          details: digestDetails(cohort.id, flagged),
        });
      }
    }
  }
  return summary;
}

export const nudgesJob: JobDefinition = {
  name: "nudges.daily",
  cron: "0 8 * * *",
  description: "Nudges learners who have gone quiet (at one, two and three times the cohort's inactivity setting) and, from the second step, tells their mentors.",
  run: runNudges,
};

export const remindersJob: JobDefinition = {
  name: "reminders.hourly",
  cron: "5 * * * *",
  description: "Reminds mentors of attempts near or past the review target, learners of a missing weekly check-in (Friday afternoon), and sends mentors the Monday at-risk digest.",
  run: runReminders,
};
