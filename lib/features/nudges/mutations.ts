import "server-only";
import { db } from "@/lib/db";
import { notificationsInsertFor, notify } from "@/lib/features/notifications/mutations";
import type { NotificationDetail } from "@/lib/features/notifications/types";
import { REVIEW_DUE_SOON_SHARE, REVIEW_REMINDER_WINDOW_DAYS } from "@/lib/features/nudges/constants";
import { checkinReminderTitle, reviewReminderTitle } from "@/lib/features/nudges/utils";
import { emitWebhookEvent, siteLink } from "@/lib/features/webhooks/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { formatWeekRange, type Day } from "@/lib/calendar";

// What nudges and reminders write: the notification (which becomes an e-mail when mail is on, decision 065) and,
// for nudges, the row that keeps the next run from repeating it (docs/decisions/066-nudges-and-reminders.md).

/** The cohort's current mentors, but never the learner the news is about (a mentor may learn elsewhere). */
function mentorsOf(cohortId: string, exceptUserId: string | null): Prisma.Sql {
  return Prisma.sql`
    SELECT m.user_id FROM memberships m
     WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'mentor' AND m.removed_at IS NULL
       AND m.user_id IS DISTINCT FROM ${exceptUserId}::uuid`;
}

/** `recipients` minus those who already have a notification of `type` opening `href`: a reminder is said once. */
function notToldYet(recipients: Prisma.Sql, type: NotificationType, href: string): Prisma.Sql {
  return Prisma.sql`
    SELECT recipient.user_id FROM (${recipients}) recipient
     WHERE NOT EXISTS (SELECT 1 FROM notifications n
                        WHERE n.user_id = recipient.user_id AND n.type = ${type}::notification_type AND n.href = ${href})`;
}

type NudgeInput = { cohortId: string; learnerId: string; step: number; title: string; href: string; now: Date };

/** The learner's own nudge, and the row that says it was sent. */
export async function nudgeLearner({ cohortId, learnerId, step, title, href, now }: NudgeInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.nudge.create({ data: { learnerId, cohortId, kind: "learner", step, createdAt: now } });
    await notify(tx, { userId: learnerId, type: "nudge", title, href });
  });
}

/** The learner's mentors, told that they have stalled. */
export async function tellMentorsOfStall({ cohortId, learnerId, step, title, href, now }: NudgeInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.nudge.create({ data: { learnerId, cohortId, kind: "mentors", step, createdAt: now } });
    await tx.$executeRaw(notificationsInsertFor(mentorsOf(cohortId, learnerId), { type: "learner_stalled", title, href }));
  });
}

/**
 * A learner found at risk: the `learner.at_risk` webhook event (decision 062) with the reasons in words, and the row
 * that keeps the event to once a week per learner, in one transaction.
 */
export async function recordAtRisk(
  cohort: { id: string; name: string },
  learner: { id: string; name: string; membershipId: string },
  risks: readonly { kind: string; severity: string; reason: string }[],
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.nudge.create({ data: { learnerId: learner.id, cohortId: cohort.id, kind: "at_risk", step: 0, createdAt: now } });
    await emitWebhookEvent(tx, "learner.at_risk", {
      cohort: { id: cohort.id, name: cohort.name },
      learner: { id: learner.id, name: learner.name },
      risks: risks.map(({ kind, severity, reason }) => ({ kind, severity, reason })),
      link: siteLink(`/cohorts/${cohort.id}/learners/${learner.membershipId}`),
    });
  });
}

type WaitingAttempt = {
  id: string;
  cohort_id: string;
  cohort: string;
  target_hours: number;
  learner_id: string;
  learner: string;
  item: string;
  overdue: boolean;
};

/**
 * Tells a cohort's mentors about each waiting attempt once it has used REVIEW_DUE_SOON_SHARE of the review target
 * ("due soon"), and again once it is past it ("overdue") — each once per mentor. Returns the notifications written.
 */
export async function remindWaitingReviews(now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - REVIEW_REMINDER_WINDOW_DAYS * 24 * 3600_000);
  const attempts = await db.$queryRaw<WaitingAttempt[]>`
    SELECT s.id, c.id AS cohort_id, c.name AS cohort, c.review_target_hours AS target_hours, m.user_id AS learner_id,
           u.name AS learner, coalesce(mi.title, pp.title, p.item_key) AS item,
           s.created_at + c.review_target_hours * interval '1 hour' <= ${now} AS overdue
      FROM submissions s
      JOIN progress p ON p.id = s.progress_id
      JOIN memberships m ON m.id = p.membership_id
      JOIN users u ON u.id = m.user_id
      JOIN cohorts c ON c.id = m.cohort_id
      LEFT JOIN milestones mi ON mi.version_id = c.version_id AND mi.key = p.item_key
      LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = p.item_key
     WHERE s.status = 'pending' AND m.removed_at IS NULL AND c.archived_at IS NULL
       AND s.created_at > ${windowStart}
       AND s.created_at + c.review_target_hours * interval '1 hour' * ${REVIEW_DUE_SOON_SHARE} <= ${now}
     ORDER BY s.created_at`;
  let written = 0;
  for (const attempt of attempts) {
    const href = attempt.overdue ? `/reviews/${attempt.id}?overdue=1` : `/reviews/${attempt.id}`;
    const title = reviewReminderTitle({
      stage: attempt.overdue ? "overdue" : "soon",
      learner: attempt.learner,
      item: attempt.item,
      cohort: attempt.cohort,
      targetHours: attempt.target_hours,
    });
    written += await db.$executeRaw(
      notificationsInsertFor(notToldYet(mentorsOf(attempt.cohort_id, attempt.learner_id), "review_reminder", href), { type: "review_reminder", title, href }),
    );
  }
  return written;
}

/** The week's check-in reminder for the cohort's learners who have not started this week's check-in; once a week. */
export async function remindMissingCheckins(cohortId: string, weekStart: Day): Promise<number> {
  const href = `/check-ins?week=${weekStart}`;
  const learners = Prisma.sql`
    SELECT m.user_id FROM memberships m
     WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'learner' AND m.removed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM checkins k WHERE k.membership_id = m.id AND k.week_start = ${weekStart}::date)`;
  return db.$executeRaw(
    notificationsInsertFor(notToldYet(learners, "checkin_reminder", href), {
      type: "checkin_reminder",
      title: checkinReminderTitle(formatWeekRange(weekStart)),
      href,
    }),
  );
}

/** The Monday digest to the cohort's mentors, once a week (the week is in its link). */
export async function sendAtRiskDigest(cohortId: string, weekStart: Day, digest: { title: string; details: NotificationDetail[] }): Promise<number> {
  const href = `/cohorts/${cohortId}?risk=1&week=${weekStart}`;
  return db.$executeRaw(notificationsInsertFor(notToldYet(mentorsOf(cohortId, null), "at_risk_digest", href), { type: "at_risk_digest", href, ...digest }));
}
