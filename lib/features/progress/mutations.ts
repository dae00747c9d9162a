import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { LearnerMembership } from "@/lib/auth/access";
import { notificationInsert, notificationsInsertFor } from "@/lib/features/notifications/mutations";
import { getItemRules, itemRulesQuery, type ItemRulesRow } from "@/lib/features/progress/data";
import { tickTransition, transition, type TickEvent } from "@/lib/features/progress/policy";
import { detectLinkKind } from "@/lib/features/progress/link-kinds";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceRequirement, ProgressStatus, SelfAssessment, SubmissionSource, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { kickDeliveries, personData, siteLink, webhookEventInsert } from "@/lib/features/webhooks/mutations";
import { parseHttpUrl } from "@/lib/safe-url";

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

async function itemOrThrow(membership: LearnerMembership, key: string): Promise<ItemRulesRow> {
  const item = await getItemRules(membership.versionId, key);
  if (!item) throw new AppError("NOT_FOUND", "This milestone does not exist.");
  return item;
}

function refusedOrStatus(result: ReturnType<typeof transition>): ProgressStatus {
  if (!result.ok) throw new AppError("INVALID_STATE", result.message);
  return result.status;
}

/** What `milestone.completed` tells a receiver about a learner's milestone (docs/operations.md, "Webhooks"). */
function milestoneCompletedData(membership: LearnerMembership, item: { key: string; title: string }, completedBy: "self_check" | "recorded_evidence") {
  return {
    cohort: { id: membership.cohortId, name: membership.cohortName },
    learner: personData(membership.userId),
    milestone: { key: item.key, title: item.title },
    completedBy,
    url: siteLink(`/cohorts/${membership.cohortId}/learners/${membership.membershipId}`),
  };
}

/**
 * "Start", "Mark as done" and un-ticking. The write is conditional on the version read,
 * so two tabs ticking at once never overwrite each other silently: the loser re-reads once,
 * then gets a clear conflict. Marking done writes the `milestone.completed` webhook event in the same statement.
 */
export async function changeProgress(
  membership: LearnerMembership,
  key: string,
  event: TickEvent,
): Promise<{ status: ProgressStatus }> {
  const item = await itemOrThrow(membership, key);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const row = await db.progress.findUnique({
      where: { membershipId_itemKey: { membershipId: membership.membershipId, itemKey: key } },
      select: { id: true, status: true, startedAt: true, completedAt: true, lockVersion: true },
    });
    const startedBeforeCompletion =
      !!row?.startedAt && !!row.completedAt && row.startedAt.getTime() < row.completedAt.getTime();
    const status = refusedOrStatus(tickTransition(row?.status ?? "not_started", event, item, { startedBeforeCompletion }));
    const now = new Date();
    const startedAt = status === "not_started" ? null : (row?.startedAt ?? now);
    const completedAt = status === "done" ? now : null;
    const completed = status === "done"
      ? Prisma.sql`, completed AS (${webhookEventInsert("milestone.completed", milestoneCompletedData(membership, item, "self_check"), { now, when: Prisma.sql`EXISTS (SELECT 1 FROM changed)` })})`
      : Prisma.empty;
    const change = row
      ? Prisma.sql`
          UPDATE progress SET status = ${status}::progress_status, started_at = ${startedAt}, completed_at = ${completedAt},
                 lock_version = lock_version + 1, updated_at = ${now}
           WHERE id = ${row.id}::uuid AND lock_version = ${row.lockVersion}
          RETURNING id`
      : Prisma.sql`
          INSERT INTO progress (id, membership_id, item_key, status, started_at, completed_at, updated_at)
          VALUES (uuidv7(), ${membership.membershipId}::uuid, ${key}, ${status}::progress_status, ${startedAt}, ${completedAt}, ${now})
          RETURNING id`;
      try {
      const [written] = await db.$queryRaw<{ count: number }[]>`
        WITH changed AS (${change}) ${completed}
        SELECT count(*)::int AS count FROM changed`;
      if (written!.count === 1) {
        if (status === "done") kickDeliveries();
        return { status };
      }
      } catch (error) {
      if (!row && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  throw new AppError("CONFLICT", "This milestone changed in another tab or window. Reload to see its current state.");
}

/** An attempt's evidence, and where it came from (the evidence form, the API, or a pipeline through the API). */
export type SubmitEvidenceInput = { links: { url: string; label?: string }[]; note: string; source: SubmissionSource };

/**
 * What a submit did: `alreadyPending` when an attempt was already waiting for review (that attempt comes back),
 * `replayed` when the idempotency key was seen before (the first answer comes back); neither means it was created.
 */
export type SubmittedAttempt = { submissionId: string; attempt: number; status: ProgressStatus; alreadyPending: boolean; replayed: boolean };

/** What an idempotency key stands for: this cohort's milestone with this evidence; the same key for anything else is a conflict. */
function requestHash(cohortId: string, key: string, input: SubmitEvidenceInput) {
  return createHash("sha256").update(JSON.stringify({ cohortId, key, input })).digest("hex");
}

type LockedProgress = { id: string; status: ProgressStatus; started_at: Date | null };

/**
 * The row lock on a learner's progress for one milestone, which serialises every write to it (docs/security.md #23,
 * #25): withdraw takes it here; submit takes it in its upsert (lockProgressForItem) and a mentor's decision in the
 * statement that reads the attempt (lib/features/reviews/mutations.ts). Undefined when there is no row.
 */
async function lockProgressRow(tx: Tx, membershipId: string, itemKey: string): Promise<LockedProgress | undefined> {
  const [locked] = await tx.$queryRaw<LockedProgress[]>`
    SELECT id, status, started_at FROM progress WHERE membership_id = ${membershipId}::uuid AND item_key = ${itemKey} FOR UPDATE`;
  return locked;
}

/**
 * "Submit for review": one attempt with its links and note. The progress row is locked
 * for the whole transaction, so concurrent submits queue up: the first creates the pending
 * attempt, the others get that same attempt back (docs/security.md #23). The same idempotency
 * key always returns the first result, and refuses a different submission (#24).
 */
export async function submitEvidence(
  membership: LearnerMembership,
  key: string,
  input: SubmitEvidenceInput,
  idempotencyKey?: string,
): Promise<SubmittedAttempt> {
  try {
    return await submitLocked(membership, key, input, idempotencyKey);
  } catch (error) {
    // One key sent at once for two milestones locks two progress rows, so both requests pass the key lookup and
    // the key's unique index stops the second. Its transaction is gone; run it again and the lookup answers.
    if (!idempotencyKey || !isUniqueViolation(error)) throw error;
    return submitLocked(membership, key, input, idempotencyKey);
  }
}

/** The cohort's active mentors, as a query for notifications written with the change they announce. */
function activeMentorsOf(cohortId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.cohort_id = ${cohortId}::uuid AND m.role = 'mentor' AND m.removed_at IS NULL AND u.deactivated_at IS NULL`;
}

/**
 * Locks the learner's progress row for a live item of their cohort's version, creating it when this is the first
 * write; undefined when the version has no such item. One statement (an upsert whose conflict branch takes the
 * row lock), so a submit spends its statements on the work, not on finding its row.
 */
async function lockProgressForItem(tx: Tx, membership: LearnerMembership, key: string): Promise<LockedProgress | undefined> {
  const [row] = await tx.$queryRaw<LockedProgress[]>`
    INSERT INTO progress AS p (id, membership_id, item_key, updated_at)
    SELECT uuidv7(), ${membership.membershipId}::uuid, item.key, now() FROM (${itemRulesQuery(membership.versionId, key)}) item
    ON CONFLICT (membership_id, item_key) DO UPDATE SET lock_version = p.lock_version
    RETURNING p.id, p.status, p.started_at`;
  return row;
}

/**
 * What a submit decides on, read after the row lock is held: a new statement sees whatever the submit that held
 * the lock before it committed (READ COMMITTED), which the locking statement itself could not.
 */
async function readSubmitContext(tx: Tx, membership: LearnerMembership, progressId: string, key: string, idempotencyKey?: string) {
  const [row] = await tx.$queryRaw<
    {
      title: string;
      evidence: EvidenceRequirement;
      review_required: boolean;
      learner_name: string;
      last_attempt: number | null;
      pending_id: string | null;
      pending_attempt: number | null;
      seen_hash: string | null;
      seen_response: Omit<SubmittedAttempt, "replayed"> | null;
    }[]
  >`
    SELECT item.title, item.evidence, item.review_required,
           (SELECT name FROM users WHERE id = ${membership.userId}::uuid) AS learner_name,
           (SELECT max(attempt) FROM submissions WHERE progress_id = ${progressId}::uuid) AS last_attempt,
           pending.id AS pending_id, pending.attempt AS pending_attempt,
           seen.request_hash AS seen_hash, seen.response_body AS seen_response
      FROM (${itemRulesQuery(membership.versionId, key)}) item
      LEFT JOIN LATERAL (
             SELECT id, attempt FROM submissions
              WHERE progress_id = ${progressId}::uuid AND status = 'pending' ORDER BY attempt DESC LIMIT 1) pending ON true
      LEFT JOIN idempotency_keys seen ON seen.user_id = ${membership.userId}::uuid AND seen.key = ${idempotencyKey ?? null}`;
  if (!row) throw new AppError("NOT_FOUND", "This milestone does not exist.");
  return row;
}

async function submitLocked(
  membership: LearnerMembership,
  key: string,
  input: SubmitEvidenceInput,
  idempotencyKey?: string,
): Promise<SubmittedAttempt> {
  const links = input.links.map((link, position) => {
    const url = parseHttpUrl(link.url);
    if (!url) throw new AppError("INVALID_INPUT", "Use a full http:// or https:// address.");
    return { position, url: link.url.trim(), label: link.label?.trim() || null, kind: detectLinkKind(url) };
  });
  const submitted = await db.$transaction(async (tx) => {
    const progress = await lockProgressForItem(tx, membership, key);
    if (!progress) throw new AppError("NOT_FOUND", "This milestone does not exist.");
    const context = await readSubmitContext(tx, membership, progress.id, key, idempotencyKey);
    const hash = requestHash(membership.cohortId, key, input);
    if (idempotencyKey && context.seen_hash !== null) {
      if (context.seen_hash !== hash) throw new AppError("CONFLICT", "This idempotency key was already used for a different submission.");
      return { ...context.seen_response!, replayed: true };
    }
    if (progress.status === "submitted" && context.pending_id) {
      return { submissionId: context.pending_id, attempt: context.pending_attempt!, status: progress.status, alreadyPending: true, replayed: false };
    }
    const item: ItemRulesRow = { key, title: context.title, evidence: context.evidence, reviewRequired: context.review_required };
    const status = refusedOrStatus(transition(progress.status, "submit", item));
    const attempt = (context.last_attempt ?? 0) + 1;
    const submissionStatus: SubmissionStatus = item.reviewRequired ? "pending" : "recorded";
    const now = new Date();
    const mentors = item.reviewRequired
      ? Prisma.sql`, mentors AS (${notificationsInsertFor(activeMentorsOf(membership.cohortId), {
          type: "submission",
          title: `${context.learner_name} submitted "${item.title}" for review`,
          href: "/reviews",
        })})`
      : Prisma.empty;
    const remembered = idempotencyKey
      ? Prisma.sql`, remembered AS (
          INSERT INTO idempotency_keys (id, user_id, key, scope, request_hash, response_status, response_body, expires_at, updated_at)
          SELECT uuidv7(), ${membership.userId}::uuid, ${idempotencyKey}, 'submission.create', ${hash}, 201,
                 jsonb_build_object('submissionId', attempt.id, 'attempt', ${attempt}::int, 'status', ${status}::text, 'alreadyPending', false),
                 ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}, ${now}
            FROM attempt)`
      : Prisma.empty;
    const submission = Prisma.sql`(SELECT jsonb_build_object('id', attempt.id, 'attempt', ${attempt}::int, 'status', ${submissionStatus}::text,
        'source', ${input.source}::text, 'url', ${siteLink("/reviews/")} || attempt.id) FROM attempt)`;
    const shared = {
      cohort: { id: membership.cohortId, name: membership.cohortName },
      learner: { id: membership.userId, name: context.learner_name },
      milestone: { key, title: item.title },
    };
    const events = Prisma.sql`, submitted AS (${webhookEventInsert(
      "submission.created",
      { ...shared, submission, links: links.map((link) => ({ url: link.url, label: link.label })) },
      { now },
    )})${
      status === "done"
        ? Prisma.sql`, completed AS (${webhookEventInsert("milestone.completed", milestoneCompletedData(membership, item, "recorded_evidence"), { now })})`
        : Prisma.empty
    }`;
    // The attempt, its links, the progress row, the mentors' notifications, the idempotency record and the webhook
    // events: one statement.
    const [created] = await tx.$queryRaw<{ id: string }[]>`
      WITH attempt AS (
             INSERT INTO submissions (id, progress_id, attempt, status, note, source, updated_at)
             VALUES (uuidv7(), ${progress.id}::uuid, ${attempt}, ${submissionStatus}::submission_status, ${input.note},
                     ${input.source}::submission_source, ${now})
             RETURNING id),
           attempt_links AS (
             INSERT INTO submission_links (id, submission_id, position, url, label, kind, updated_at)
             SELECT uuidv7(), attempt.id, link.position, link.url, link.label, link.kind::link_kind, ${now}
               FROM attempt, unnest(${links.map((link) => link.position)}::int[], ${links.map((link) => link.url)}::text[],
                                    ${links.map((link) => link.label)}::text[], ${links.map((link) => link.kind)}::text[])
                    AS link(position, url, label, kind)),
           progress_row AS (
             UPDATE progress SET status = ${status}::progress_status, started_at = ${progress.started_at ?? now},
                    completed_at = ${status === "done" ? now : null}, lock_version = lock_version + 1, updated_at = ${now}
              WHERE id = ${progress.id}::uuid)
           ${mentors}
           ${remembered}
           ${events}
      SELECT id FROM attempt`;
    return { submissionId: created!.id, attempt, status, alreadyPending: false, replayed: false };
  });
  kickDeliveries();
  return submitted;
}

/** Takes back an attempt that is still waiting; it stays in the history as "Withdrawn". */
export async function withdrawSubmission(membership: LearnerMembership, submissionId: string): Promise<{ status: ProgressStatus }> {
  const found = await db.submission.findFirst({
    where: { id: submissionId, progress: { membershipId: membership.membershipId } },
    select: { progress: { select: { itemKey: true } } },
  });
  if (!found) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  const item = await itemOrThrow(membership, found.progress.itemKey);
  return db.$transaction(async (tx) => {
    // The attempt exists, so its progress row does.
    const progress = (await lockProgressRow(tx, membership.membershipId, item.key))!;
    const current = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } });
    if (current.status !== "pending") throw new AppError("INVALID_STATE", "This attempt is no longer waiting for review.");
    const lastReview = await tx.review.findFirst({
      where: { submission: { progressId: progress.id } },
      orderBy: { createdAt: "desc" },
      select: { decision: true },
    });
    const status = refusedOrStatus(
      transition(progress.status, "withdraw", item, { lastDecision: lastReview?.decision ?? null }),
    );
    await tx.submission.update({ where: { id: submissionId }, data: { status: "withdrawn", withdrawnAt: new Date() } });
    await tx.progress.update({ where: { id: progress.id }, data: { status, lockVersion: { increment: 1 } } });
    return { status };
  });
}

async function learnerName(tx: Tx, membership: LearnerMembership) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: membership.userId }, select: { name: true } });
  return user.name;
}

/** Tells the cohort's active mentors, in the same transaction as the change. */
async function notifyMentors(
  tx: Tx,
  membership: LearnerMembership,
  notification: { type: "submission" | "comment"; title: string; href: string },
) {
  await tx.$executeRaw(notificationsInsertFor(activeMentorsOf(membership.cohortId), notification));
}

/** The learner's message in the milestone's thread with the cohort's mentors, who are notified. */
export async function addLearnerComment(membership: LearnerMembership, key: string, body: string) {
  const item = await itemOrThrow(membership, key);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { membershipId: membership.membershipId, itemKey: key, authorId: membership.userId, body },
      select: { id: true },
    });
    await notifyMentors(tx, membership, {
      type: "comment",
      title: `${await learnerName(tx, membership)} wrote about "${item.title}"`,
      href: "/reviews",
    });
    return comment;
  });
}

export async function addPrivateNote(membership: LearnerMembership, key: string, body: string) {
  await itemOrThrow(membership, key);
  return db.privateNote.create({ data: { membershipId: membership.membershipId, itemKey: key, body }, select: { id: true } });
}

/** Scope is in the WHERE clause: someone else's note id changes nothing and reads as missing. */
export async function updatePrivateNote(membership: LearnerMembership, noteId: string, body: string) {
  const { count } = await db.privateNote.updateMany({ where: { id: noteId, membershipId: membership.membershipId }, data: { body } });
  if (count === 0) throw new AppError("NOT_FOUND", "This note does not exist.");
}

export async function deletePrivateNote(membership: LearnerMembership, noteId: string) {
  const { count } = await db.privateNote.deleteMany({ where: { id: noteId, membershipId: membership.membershipId } });
  if (count === 0) throw new AppError("NOT_FOUND", "This note does not exist.");
}

/**
 * Saves the learner's self-assessment of a success criterion. A mentor's sign-off holds
 * only for what was signed: changing the level or the justification clears it.
 */
export async function saveSelfAssessment(
  membership: LearnerMembership,
  input: { criterionKey: string; level: SelfAssessment; justification: string },
) {
  const criterion = await db.successCriterion.findUnique({
    where: { versionId_key: { versionId: membership.versionId, key: input.criterionKey } },
    select: { key: true },
  });
  if (!criterion) throw new AppError("NOT_FOUND", "This criterion does not exist.");
  const data = { level: input.level, justification: input.justification };
  await db.$transaction(async (tx) => {
    const existing = await tx.criterionAssessment.findUnique({
      where: { membershipId_criterionKey: { membershipId: membership.membershipId, criterionKey: criterion.key } },
      select: { level: true, justification: true },
    });
    const unchanged = existing?.level === data.level && existing.justification === data.justification;
    await tx.criterionAssessment.upsert({
      where: { membershipId_criterionKey: { membershipId: membership.membershipId, criterionKey: criterion.key } },
      create: { membershipId: membership.membershipId, criterionKey: criterion.key, ...data },
      update: unchanged ? {} : { ...data, signedOffById: null, signedOffAt: null },
    });
  });
}

/**
 * Hides the banner about the cohort's last version move for this one membership. The owner is part of the WHERE
 * clause, so another person's membership id matches nothing and reads as missing.
 */
export async function dismissVersionBanner(userId: string, membershipId: string): Promise<void> {
  const { count } = await db.membership.updateMany({
    where: { id: membershipId, userId, role: "learner", removedAt: null },
    data: { versionBannerDismissedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This roadmap does not exist.");
}

/** A link the nightly check took: its id and the address to ask. */
export type ClaimedLink = { id: string; url: string };

/**
 * Takes up to `limit` evidence links of approved attempts that were not checked since `notBefore`, oldest check
 * first, and stamps them checked at `now` in the same statement: a second instance running the sweep at once skips
 * the rows this one holds (SKIP LOCKED) and finds the rest already stamped, so no link is asked twice in a night.
 * Learners who left, and archived cohorts, are no longer checked.
 */
export async function claimLinksToCheck(now: Date, notBefore: Date, limit: number): Promise<ClaimedLink[]> {
  return db.$queryRaw<ClaimedLink[]>`
    WITH due AS (
      SELECT l.id
        FROM submission_links l
        JOIN submissions s ON s.id = l.submission_id
        JOIN progress p ON p.id = s.progress_id
        JOIN memberships m ON m.id = p.membership_id
        JOIN cohorts c ON c.id = m.cohort_id
       WHERE s.status = 'approved' AND m.removed_at IS NULL AND c.archived_at IS NULL
         AND (l.checked_at IS NULL OR l.checked_at < ${notBefore})
       ORDER BY l.checked_at ASC NULLS FIRST, l.id ASC
       LIMIT ${limit}
         FOR UPDATE OF l SKIP LOCKED)
    UPDATE submission_links l SET checked_at = ${now}, updated_at = ${now}
      FROM due WHERE l.id = due.id
    RETURNING l.id, l.url`;
}

/**
 * What one check found: `ok` answers; `dead` is gone for sure (404, 410); `failing` did not answer this time (DNS,
 * TLS, timeout, 5xx, a redirect loop) and breaks the link only on the second night in a row; `skipped` could not be
 * asked at all (a private address while those are not allowed) and changes nothing but the note.
 */
export type LinkCheckResult =
  | { outcome: "ok" }
  | { outcome: "dead" | "failing" | "skipped"; reason: string };

type LinkContext = {
  submission_id: string;
  user_id: string;
  cohort_id: string;
  item_key: string;
  learner_name: string;
  title: string;
};

/**
 * Records one check of a claimed link. The row is locked while its new health is worked out from its old one, so
 * the learner and the cohort's mentors are told exactly once when it turns broken (not again every night it stays
 * broken), in the same transaction. A link that answers again is ok again, whatever it was. Returns whether this
 * check broke it.
 */
export async function recordLinkCheck(linkId: string, result: LinkCheckResult, now: Date): Promise<{ broke: boolean }> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ health: string; broken_since: Date | null }[]>`
      SELECT health::text, broken_since FROM submission_links WHERE id = ${linkId}::uuid FOR UPDATE`;
    if (!before) return { broke: false };
    if (result.outcome === "ok") {
      await tx.submissionLink.update({
        where: { id: linkId },
        data: { health: "ok", checkedAt: now, brokenSince: null, checkError: null },
      });
      return { broke: false };
    }
    if (result.outcome === "skipped") {
      await tx.submissionLink.update({ where: { id: linkId }, data: { checkedAt: now, checkError: result.reason } });
      return { broke: false };
    }
    // `broken_since` set while the link is not yet broken means last night's check failed too (decision 063).
    const broken = before.health === "broken" || result.outcome === "dead" || before.broken_since !== null;
    await tx.submissionLink.update({
      where: { id: linkId },
      data: {
        health: broken ? "broken" : undefined,
        checkedAt: now,
        brokenSince: before.broken_since ?? now,
        checkError: result.reason,
      },
    });
    if (!broken || before.health === "broken") return { broke: false };
    const [context] = await tx.$queryRaw<LinkContext[]>`
      SELECT s.id AS submission_id, m.user_id, m.cohort_id, p.item_key, u.name AS learner_name,
             COALESCE(mi.title, pp.title, p.item_key) AS title
        FROM submission_links l
        JOIN submissions s ON s.id = l.submission_id
        JOIN progress p ON p.id = s.progress_id
        JOIN memberships m ON m.id = p.membership_id
        JOIN users u ON u.id = m.user_id
        JOIN cohorts c ON c.id = m.cohort_id
        LEFT JOIN milestones mi ON mi.version_id = c.version_id AND mi.key = p.item_key
        LEFT JOIN portfolio_projects pp ON pp.version_id = c.version_id AND pp.key = p.item_key
       WHERE l.id = ${linkId}::uuid`;
    const { submission_id, user_id, cohort_id, item_key, learner_name, title } = context!;
    await tx.$executeRaw(
      notificationInsert({
        userId: user_id,
        type: "link_broken",
        title: `An evidence link of "${title}" stopped working: replace it`,
        href: `/roadmap/${item_key}?cohort=${cohort_id}`,
      }),
    );
    await tx.$executeRaw(
      notificationsInsertFor(activeMentorsOf(cohort_id), {
        type: "link_broken",
        title: `${learner_name}'s approved evidence link for "${title}" stopped working`,
        href: `/reviews/${submission_id}`,
      }),
    );
    return { broke: true };
  });
}

const REPLACED_SAME = "That is the broken link: give its new address.";

/**
 * "Replace link": the learner offers a new address for a broken link of one of their approved attempts. The approval
 * stands and the old link stays until a mentor re-approves the new one; the cohort's mentors are told. Another
 * learner's link, or one that is not broken, changes nothing. Offering again replaces the waiting address.
 */
export async function replaceEvidenceLink(membership: LearnerMembership, linkId: string, url: string, now = new Date()) {
  const link = await db.submissionLink.findFirst({
    where: { id: linkId, submission: { status: "approved", progress: { membershipId: membership.membershipId } } },
    select: { url: true, health: true, submission: { select: { progress: { select: { itemKey: true } } } } },
  });
  if (!link) throw new AppError("NOT_FOUND", "This link does not exist.");
  if (link.health !== "broken") throw new AppError("INVALID_STATE", "This link works: there is nothing to replace.");
  if (url === link.url) throw new AppError("INVALID_INPUT", REPLACED_SAME, { url: [REPLACED_SAME] });
  const item = await getItemRules(membership.versionId, link.submission.progress.itemKey);
  const title = item?.title ?? link.submission.progress.itemKey;
  await db.$transaction(async (tx) => {
    const { count } = await tx.submissionLink.updateMany({
      where: { id: linkId, health: "broken" },
      data: { replacementUrl: url, replacedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "This link changed meanwhile. Reload the page.");
    await tx.$executeRaw(
      notificationsInsertFor(activeMentorsOf(membership.cohortId), {
        type: "link_replaced",
        title: `${await learnerName(tx, membership)} replaced a broken evidence link of "${title}"`,
        href: "/reviews",
      }),
    );
  });
}
