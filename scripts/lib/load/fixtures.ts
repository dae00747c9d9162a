// The people and rows the load run works with, prepared in the database beforehand, and the checks it runs on the
// database afterwards: every write a response acknowledged is there, exactly once, and nothing else changed.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createWaitingAttempts } from "@/prisma/factories/reviews";
import { createUser } from "@/prisma/factories/users";
import { DEMO_ACCOUNTS, DEMO_COHORT_NAME, DEMO_PASSWORD } from "@/prisma/seed/demo";
import type { AcknowledgedDecision, Check } from "@/scripts/lib/load/types";

export type TickPair = { id: string; email: string; cohortId: string; itemKey: string; first: "complete" | "reopen" };

export type MixedWorld = {
  cohortId: string;
  password: string;
  learnerEmails: string[];
  mentorEmail: string;
  milestoneKeys: string[];
  pendingSubmissionIds: string[];
  tickPairs: TickPair[];
};

export type ContentionWorld = {
  cohortId: string;
  password: string;
  mentors: { id: string; email: string }[];
  submissionIds: string[];
};

const TICKABLE_STATUSES = ["not_started", "in_progress", "done"] as const;

async function demoCohort() {
  const cohort = await db.cohort.findFirst({ where: { name: DEMO_COHORT_NAME }, select: { id: true, versionId: true } });
  if (!cohort) {
    throw new Error(`The load run needs the demo data (cohort "${DEMO_COHORT_NAME}"): start Cairn with CAIRN_DEMO=true on a staging copy.`);
  }
  return cohort;
}

/**
 * The demo cohort as the mixed run uses it. Each learner's self-check milestones become tick pairs; a pair without a
 * progress row gets one ("Not started", as if absent), so every successful tick afterwards shows in its lock_version.
 */
export async function prepareMixed(): Promise<MixedWorld> {
  const cohort = await demoCohort();
  const milestones = await db.milestone.findMany({
    where: { versionId: cohort.versionId, archivedAt: null },
    orderBy: [{ phase: { position: "asc" } }, { position: "asc" }],
    select: { key: true, reviewRequired: true, evidence: true },
  });
  const tickable = milestones.filter((m) => !m.reviewRequired && m.evidence !== "required").map((m) => m.key);
  const learners = await db.membership.findMany({
    where: { cohortId: cohort.id, role: "learner", removedAt: null },
    select: { id: true, user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const tickPairs: TickPair[] = [];
  for (const learner of learners) {
    for (const itemKey of tickable) {
      const row =
        (await db.progress.findUnique({ where: { membershipId_itemKey: { membershipId: learner.id, itemKey } } })) ??
        (await db.progress.create({ data: { membershipId: learner.id, itemKey, status: "not_started" } }));
      if (!(TICKABLE_STATUSES as readonly string[]).includes(row.status)) continue;
      tickPairs.push({ id: row.id, email: learner.user.email, cohortId: cohort.id, itemKey, first: row.status === "done" ? "reopen" : "complete" });
    }
  }
  const pending = await db.submission.findMany({
    where: { status: "pending", progress: { membership: { cohortId: cohort.id } } },
    select: { id: true },
  });
  return {
    cohortId: cohort.id,
    password: DEMO_PASSWORD,
    learnerEmails: learners.map((learner) => learner.user.email),
    mentorEmail: DEMO_ACCOUNTS.find((account) => account.role === "mentor")!.email,
    milestoneKeys: milestones.map((m) => m.key),
    pendingSubmissionIds: pending.map((submission) => submission.id),
    tickPairs,
  };
}

/** Where each pair stands now: its lock version, and the tick that would change it ("reopen" when it is done). */
export async function tickStates(pairs: TickPair[]): Promise<Map<string, { lockVersion: number; next: TickPair["first"] }>> {
  const rows = await db.progress.findMany({
    where: { id: { in: pairs.map((pair) => pair.id) } },
    select: { id: true, lockVersion: true, status: true },
  });
  return new Map(rows.map((row) => [row.id, { lockVersion: row.lockVersion, next: row.status === "done" ? "reopen" : "complete" }]));
}

/**
 * Every acknowledged tick moved its row's lock_version by one. A row may have moved more only by ticks whose answer
 * never arrived (timed out, or still in flight when the run stopped): the server committed them all the same.
 */
export function checkTicks(
  pairs: TickPair[],
  before: Map<string, number>,
  after: Map<string, number>,
  acknowledged: Record<string, number>,
  unanswered: number,
): Check {
  const delta = (pair: TickPair) => (after.get(pair.id) ?? 0) - (before.get(pair.id) ?? 0);
  const lost = pairs.filter((pair) => delta(pair) < (acknowledged[pair.id] ?? 0));
  const extra = pairs.reduce((sum, pair) => sum + Math.max(0, delta(pair) - (acknowledged[pair.id] ?? 0)), 0);
  const total = Object.values(acknowledged).reduce((sum, count) => sum + count, 0);
  if (lost.length > 0) {
    return {
      name: "every acknowledged tick is in the database, once",
      ok: false,
      detail: `${lost.length} milestone rows changed fewer times than acknowledged (e.g. ${lost[0]!.itemKey} of ${lost[0]!.email})`,
    };
  }
  return {
    name: "every acknowledged tick is in the database, once",
    ok: extra <= unanswered,
    detail: `${total} ticks acknowledged, ${total + extra} row changes (${unanswered} ticks unanswered)`,
  };
}

/** A cohort of its own: `mentors` mentors (sign-in passwords generated for this run) and `submissions` waiting attempts. */
export async function prepareContention({ mentors, submissions }: { mentors: number; submissions: number }): Promise<ContentionWorld> {
  const demo = await demoCohort();
  const item = await db.milestone.findFirst({ where: { versionId: demo.versionId, reviewRequired: true, archivedAt: null }, select: { key: true } });
  if (!item) throw new Error("The demo roadmap has no milestone that needs review.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const cohort = await createCohort({ versionId: demo.versionId, name: `Load run ${stamp}`, startDate: new Date() });
  const password = randomBytes(18).toString("base64url");
  const people = [];
  for (let index = 0; index < mentors; index += 1) {
    const user = await createUser({ email: `load-mentor-${stamp}-${index + 1}@example.test`, name: `Load Mentor ${index + 1}`, password });
    await addMember(cohort.id, user.id, "mentor");
    people.push({ id: user.id, email: user.email });
  }
  const attempts = await createWaitingAttempts({ cohortId: cohort.id, count: submissions, itemKey: item.key, namePrefix: "Load Learner" });
  return { cohortId: cohort.id, password, mentors: people, submissionIds: attempts.map((attempt) => attempt.submissionId) };
}

export async function reviewCount(submissionIds: string[]): Promise<number> {
  return db.review.count({ where: { submissionId: { in: submissionIds } } });
}

/**
 * After many mentors claimed and decided the same few attempts at once: one decision per attempt at most, each
 * acknowledged decision stored as acknowledged, each stored one acknowledged (unless a response never arrived), and
 * everything a decision writes — statuses, cleared claim, audit event, the learner's notification — written once.
 */
export async function checkContention(world: ContentionWorld, acknowledged: AcknowledgedDecision[], unanswered: number): Promise<Check[]> {
  const reviews = await db.review.findMany({
    where: { submissionId: { in: world.submissionIds } },
    select: { submissionId: true, reviewerId: true, decision: true },
  });
  const submissions = await db.submission.findMany({
    where: { id: { in: world.submissionIds } },
    select: {
      id: true,
      status: true,
      claimedById: true,
      progress: { select: { status: true, membership: { select: { userId: true } } } },
    },
  });
  const audits = await db.auditEvent.groupBy({
    by: ["targetId"],
    where: { targetId: { in: world.submissionIds }, action: { in: ["review.approve", "review.request_changes"] } },
    _count: true,
  });
  const notifications = await db.notification.groupBy({
    by: ["userId"],
    where: { type: "decision", userId: { in: submissions.map((s) => s.progress.membership.userId) } },
    _count: true,
  });

  const key = (d: { submissionId: string; decision: string }, reviewer: string) => `${d.submissionId}/${reviewer}/${d.decision}`;
  const stored = new Set(reviews.map((review) => key(review, review.reviewerId)));
  const told = new Set(acknowledged.map((decision) => key(decision, decision.mentorId)));
  const toldTwice = acknowledged.length - new Set(acknowledged.map((decision) => decision.submissionId)).size;
  const lost = [...told].filter((entry) => !stored.has(entry));
  const unacknowledged = [...stored].filter((entry) => !told.has(entry));
  const decided = new Map(reviews.map((review) => [review.submissionId, review.decision]));
  const auditCount = new Map(audits.map((row) => [row.targetId, row._count]));
  const notificationCount = new Map(notifications.map((row) => [row.userId, row._count]));
  const inconsistent = submissions.filter((submission) => {
    const decision = decided.get(submission.id);
    const expected = decision === "approve" ? "approved" : decision === "request_changes" ? "changes_requested" : undefined;
    if (!expected) {
      return (
        submission.status !== "pending" ||
        submission.progress.status !== "submitted" ||
        auditCount.has(submission.id) ||
        notificationCount.has(submission.progress.membership.userId)
      );
    }
    return (
      submission.status !== expected ||
      submission.progress.status !== expected ||
      submission.claimedById !== null ||
      auditCount.get(submission.id) !== 1 ||
      notificationCount.get(submission.progress.membership.userId) !== 1
    );
  });

  return [
    {
      name: "no two mentors were both told they decided the same attempt",
      ok: toldTwice === 0,
      detail: `${acknowledged.length} decisions acknowledged for ${acknowledged.length - toldTwice} attempts`,
    },
    {
      name: "every acknowledged decision is stored as acknowledged",
      ok: lost.length === 0,
      detail: lost.length === 0 ? `${reviews.length} reviews rows for ${world.submissionIds.length} attempts` : `${lost.length} lost, e.g. ${lost[0]}`,
    },
    {
      name: "every stored decision was acknowledged",
      // A decision can commit while its response times out; only then is an unacknowledged row expected.
      ok: unacknowledged.length === 0 || unacknowledged.length <= unanswered,
      detail: unacknowledged.length === 0 ? "none unacknowledged" : `${unacknowledged.length} stored without an answer (${unanswered} requests unanswered)`,
    },
    {
      name: "each decision's statuses, audit event and notification were written once; undecided attempts still wait",
      ok: inconsistent.length === 0,
      detail: inconsistent.length === 0 ? `${submissions.length} attempts consistent` : `${inconsistent.length} inconsistent, e.g. ${inconsistent[0]!.id}`,
    },
  ];
}
