import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { formatClock } from "@/lib/calendar-zones";
import { withdrawSubmissionAction } from "@/lib/features/progress/actions";
import {
  addMentorCommentAction,
  claimReviewAction,
  decideReviewAction,
  releaseReviewAction,
} from "@/lib/features/reviews/actions";
import { addMember } from "@/prisma/factories/cohorts";
import { createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

// The request id proxy.ts gives a request reaches actions as a header; outside a request there are no headers.
const request = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => {
    if (!request.id) throw new Error("headers() was called outside a request scope");
    return new Headers({ "x-request-id": request.id });
  },
}));

let versionId: string;
let reviewedKey: string;
let reviewedTitle: string;
let otherReviewedKey: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const [milestone, other] = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones).filter((m) => m.reviewRequired);
  reviewedKey = milestone!.key;
  reviewedTitle = milestone!.title;
  otherReviewedKey = other!.key;
});

const LINKS = [{ url: "https://github.com/learner/pipeline/pull/3", kind: "github_pull_request" as const }];

/** docs/security.md's fixture world: mentorX (+ a second mentor of X), mentorY, learners of X and Y, dual, admin. */
async function world() {
  const w = await createWorld({
    versionId,
    names: { mentorX: "Morgan X", mentorY: "Yara Y", dual: "Dual Person" },
    extra: { mentorX2: { in: "x", as: "mentor", name: "Noor X" } },
  });
  const { x1, y1, dualY: dualLearner } = w.memberships;
  const attempt = await createSubmission({ membershipId: x1.id, itemKey: reviewedKey, links: LINKS, note: "Please look." });
  return { ...w, x1, y1, dualLearner, attempt, mentorXMembership: w.memberships.mentorX };
}

const claim = (user: User, input: object) => asUser(user, () => claimReviewAction(input));
const release = (user: User, input: object) => asUser(user, () => releaseReviewAction(input));
const decide = (user: User, input: object) => asUser(user, () => decideReviewAction(input));
const approve = (user: User, submissionId: string, comment = "") => decide(user, { submissionId, decision: "approve", comment });
const requestChanges = (user: User, submissionId: string, comment = "Add a test for the failure path.") =>
  decide(user, { submissionId, decision: "request_changes", comment });

async function attemptState(submissionId: string) {
  const submission = await db.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { status: true, claimedById: true, claimedUntil: true, review: true, progress: { select: { status: true, completedAt: true } } },
  });
  const audits = await db.auditEvent.count({ where: { targetId: submissionId } });
  return { ...submission, audits };
}

describe("claiming an attempt", () => {
  it("holds it for 30 minutes, refuses a second mentor by name, and treats an expired claim as free", async () => {
    const { mentorX, mentorX2, attempt, x } = await world();
    const before = Date.now();
    const first = await claim(mentorX, { submissionId: attempt.id });
    expect(first.ok).toBe(true);
    const until = Date.parse(first.ok ? first.data.claimedUntil : "");
    expect(first.ok && first.data.untilClock).toBe(formatClock(new Date(until), x.timezone));
    expect(until - before).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(until - before).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    // Claiming again extends one's own claim.
    expect((await claim(mentorX, { submissionId: attempt.id })).ok).toBe(true);

    const refused = await claim(mentorX2, { submissionId: attempt.id });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Morgan X is reviewing this attempt") });
    expect((await attemptState(attempt.id)).claimedById).toBe(mentorX.id);

    // The claim ran out (no sleeping: move its end into the past).
    await db.submission.update({ where: { id: attempt.id }, data: { claimedUntil: new Date(Date.now() - 1_000) } });
    expect((await claim(mentorX2, { submissionId: attempt.id })).ok).toBe(true);
    expect((await attemptState(attempt.id)).claimedById).toBe(mentorX2.id);
  });

  it("releases only one's own claim; an already free attempt releases quietly", async () => {
    const { mentorX, mentorX2, attempt } = await world();
    await claim(mentorX, { submissionId: attempt.id });
    const notYours = await release(mentorX2, { submissionId: attempt.id });
    expect(notYours).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Morgan X holds this claim") });
    expect(await release(mentorX, { submissionId: attempt.id })).toEqual({ ok: true, data: undefined });
    expect(await attemptState(attempt.id)).toMatchObject({ claimedById: null, claimedUntil: null });
    expect(await release(mentorX2, { submissionId: attempt.id })).toEqual({ ok: true, data: undefined });
  });

  it("stops another mentor from deciding an attempt someone holds, but not once the claim expired", async () => {
    const { mentorX, mentorX2, attempt } = await world();
    await claim(mentorX, { submissionId: attempt.id });
    const blocked = await approve(mentorX2, attempt.id);
    expect(blocked).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Morgan X is reviewing this attempt") });
    expect((await attemptState(attempt.id)).review).toBeNull();
    await db.submission.update({ where: { id: attempt.id }, data: { claimedUntil: new Date(Date.now() - 1_000) } });
    expect(await approve(mentorX2, attempt.id)).toMatchObject({ ok: true });
  });

  it("cannot claim a decided or withdrawn attempt", async () => {
    const { mentorX, mentorX2, learnerX1, x, x1, attempt } = await world();
    await approve(mentorX, attempt.id);
    expect(await claim(mentorX2, { submissionId: attempt.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringMatching(/^Already decided by Morgan X at /),
    });
    const second = await createSubmission({ membershipId: x1.id, itemKey: otherReviewedKey, links: LINKS });
    expect(await asUser(learnerX1, () => withdrawSubmissionAction({ cohortId: x.id, submissionId: second.id }))).toMatchObject({ ok: true });
    expect(await claim(mentorX, { submissionId: second.id })).toMatchObject({ ok: false, code: "CONFLICT", error: "The learner withdrew this attempt." });
  });
});

describe("deciding an attempt", () => {
  it("costs at most 6 statements, session check included, the same with more attempts waiting", async () => {
    const small = await world();
    const large = await world();
    await createSubmission({ membershipId: large.memberships.x2.id, itemKey: reviewedKey, links: LINKS });
    await createSubmission({ membershipId: large.memberships.x2.id, itemKey: otherReviewedKey, links: LINKS });
    await claim(small.mentorX, { submissionId: small.attempt.id });
    await claim(large.mentorX, { submissionId: large.attempt.id });
    const a = await countQueries(() => approve(small.mentorX, small.attempt.id, "Good."));
    const b = await countQueries(() => requestChanges(large.mentorX, large.attempt.id));
    expect(a.result).toMatchObject({ ok: true, data: { status: "approved" } });
    expect(b.result).toMatchObject({ ok: true, data: { status: "changes_requested" } });
    expect(a.count).toBeLessThanOrEqual(6);
    expect(b.count).toBe(a.count);
  });

  it("approves: review, both statuses, cleared claim, audit event and the learner's notification", async () => {
    const { x, mentorX, learnerX1, attempt } = await world();
    await claim(mentorX, { submissionId: attempt.id });
    const result = await approve(mentorX, attempt.id, "Clean **work**.");
    expect(result).toMatchObject({ ok: true, data: { status: "approved", decision: "approve", submissionStatus: "approved", comment: "Clean **work**." } });
    const state = await attemptState(attempt.id);
    expect(state).toMatchObject({ status: "approved", claimedById: null, claimedUntil: null, audits: 1 });
    expect(state.review).toMatchObject({ reviewerId: mentorX.id, decision: "approve", comment: "Clean **work**." });
    expect(state.progress.status).toBe("approved");
    expect(state.progress.completedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: attempt.id } });
    expect(audit).toMatchObject({
      action: "review.approve",
      actorId: mentorX.id,
      targetType: "submission",
      cohortId: x.id,
      before: { submission: "pending", progress: "submitted" },
      after: { submission: "approved", progress: "approved" },
    });
    const notifications = await db.notification.findMany({ where: { userId: learnerX1.id } });
    expect(notifications).toEqual([
      expect.objectContaining({ type: "decision", title: `Approved: ${reviewedTitle}`, href: `/roadmap/${reviewedKey}?cohort=${x.id}`, readAt: null }),
    ]);
  });

  it("records the request the decision came in on in its audit row, to match the log lines", async () => {
    const { mentorX, attempt } = await world();
    request.id = "req-decision-1";
    try {
      expect(await approve(mentorX, attempt.id, "Good.")).toMatchObject({ ok: true });
    } finally {
      request.id = null;
    }
    expect(await db.auditEvent.findFirstOrThrow({ where: { targetId: attempt.id } })).toMatchObject({
      action: "review.approve",
      actorId: mentorX.id,
      requestId: "req-decision-1",
    });
  });

  it("requires a comment to request changes, then records it", async () => {
    const { mentorX, learnerX1, attempt } = await world();
    for (const comment of ["", "   \n "]) {
      const missing = await requestChanges(mentorX, attempt.id, comment);
      expect(missing).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { comment: [expect.stringContaining("comment is required")] } });
    }
    expect((await attemptState(attempt.id)).status).toBe("pending");
    const result = await requestChanges(mentorX, attempt.id, "Pin the dataset version.");
    expect(result).toMatchObject({ ok: true, data: { status: "changes_requested", decision: "request_changes", submissionStatus: "changes_requested" } });
    const state = await attemptState(attempt.id);
    expect(state).toMatchObject({ status: "changes_requested", progress: { status: "changes_requested", completedAt: null } });
    expect(await db.auditEvent.count({ where: { targetId: attempt.id, action: "review.request_changes" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: learnerX1.id, type: "decision", title: `Changes requested: ${reviewedTitle}` } })).toBe(1);
  });

  it("lets exactly one of two mentors deciding at once win; the other hears who did (docs/security.md #25)", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { mentorX, mentorX2, attempt } = await world();
      const results = await Promise.all([approve(mentorX, attempt.id), requestChanges(mentorX2, attempt.id)]);
      const winners = results.filter((result) => result.ok);
      const losers = results.filter((result) => !result.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const review = await db.review.findMany({ where: { submissionId: attempt.id }, include: { reviewer: true } });
      expect(review).toHaveLength(1);
      expect(losers[0]).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining(`Already decided by ${review[0]!.reviewer.name} at `) });
      const state = await attemptState(attempt.id);
      expect(state.status).toBe(review[0]!.decision === "approve" ? "approved" : "changes_requested");
      expect(state.audits).toBe(1);
    }
  });

  it("refuses a decision after the learner withdrew, and a withdraw racing a decision leaves one consistent outcome", async () => {
    const { x, mentorX, learnerX1, x1, attempt } = await world();
    await asUser(learnerX1, () => withdrawSubmissionAction({ cohortId: x.id, submissionId: attempt.id }));
    expect(await approve(mentorX, attempt.id)).toMatchObject({ ok: false, code: "CONFLICT", error: "The learner withdrew this attempt." });
    expect(await db.review.count({ where: { submissionId: attempt.id } })).toBe(0);

    const again = await createSubmission({ membershipId: x1.id, itemKey: reviewedKey, links: LINKS });
    const [withdrawn, decided] = await Promise.all([
      asUser(learnerX1, () => withdrawSubmissionAction({ cohortId: x.id, submissionId: again.id })),
      approve(mentorX, again.id),
    ]);
    expect([withdrawn.ok, decided.ok].filter(Boolean)).toHaveLength(1);
    const state = await attemptState(again.id);
    if (decided.ok) expect(state).toMatchObject({ status: "approved", progress: { status: "approved" } });
    else expect(state).toMatchObject({ status: "withdrawn", review: null, audits: 0 });
  });

  it("commits nothing when the notification cannot be written (docs/security.md #28)", async () => {
    const { mentorX, learnerX1, attempt } = await world();
    // A real failure inside the transaction, for this learner only: the database refuses their notifications.
    await db.$executeRaw`CREATE TABLE cairn_test_refused (user_id uuid PRIMARY KEY)`;
    await db.$executeRaw`CREATE FUNCTION cairn_test_refuse_notification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM cairn_test_refused WHERE user_id = NEW.user_id) THEN RAISE EXCEPTION 'notifications are down'; END IF;
        RETURN NEW;
      END $$`;
    await db.$executeRaw`CREATE TRIGGER cairn_test_refuse_notification BEFORE INSERT ON notifications
      FOR EACH ROW EXECUTE FUNCTION cairn_test_refuse_notification()`;
    try {
      await db.$executeRaw`INSERT INTO cairn_test_refused (user_id) VALUES (${learnerX1.id}::uuid)`;
      await claim(mentorX, { submissionId: attempt.id });
      const result = await approve(mentorX, attempt.id, "Looks good.");
      expect(result).toMatchObject({ ok: false, code: "INTERNAL" });
    } finally {
      await db.$executeRaw`DROP TRIGGER IF EXISTS cairn_test_refuse_notification ON notifications`;
      await db.$executeRaw`DROP FUNCTION IF EXISTS cairn_test_refuse_notification()`;
      await db.$executeRaw`DROP TABLE IF EXISTS cairn_test_refused`;
    }
    const state = await attemptState(attempt.id);
    expect(state).toMatchObject({ status: "pending", review: null, audits: 0, claimedById: mentorX.id, progress: { status: "submitted", completedAt: null } });
    expect(await db.notification.count({ where: { userId: learnerX1.id } })).toBe(0);
    // With the notification working again, the same decision goes through.
    expect(await approve(mentorX, attempt.id, "Looks good.")).toMatchObject({ ok: true });
  });
});

describe("who may review (docs/security.md)", () => {
  it("answers another cohort's mentor like an unknown attempt, even when they name their own cohort (#3)", async () => {
    const { y, x, mentorY, learnerX2, attempt } = await world();
    const unknown = await approve(mentorY, crypto.randomUUID());
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const input of [
      { submissionId: attempt.id, decision: "approve" },
      { submissionId: attempt.id, decision: "approve", cohortId: y.id },
      { submissionId: attempt.id, decision: "approve", cohortId: x.id },
    ]) {
      expect(await decide(mentorY, input)).toEqual(unknown);
    }
    expect(await claim(mentorY, { submissionId: attempt.id, cohortId: y.id })).toEqual(unknown);
    expect(await release(mentorY, { submissionId: attempt.id })).toEqual(unknown);
    expect(await asUser(mentorY, () => addMentorCommentAction({ submissionId: attempt.id, body: "Hi" }))).toEqual(unknown);
    // A classmate is no reviewer either.
    expect(await approve(learnerX2, attempt.id)).toEqual(unknown);
    expect(await attemptState(attempt.id)).toMatchObject({ status: "pending", review: null, claimedById: null });
    expect(await db.comment.count()).toBe(0);
  });

  it("refuses the right cohort's mentor who names a wrong cohort, like an unknown attempt", async () => {
    const { y, mentorX, attempt } = await world();
    expect(await decide(mentorX, { submissionId: attempt.id, decision: "approve", cohortId: y.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("never lets anyone decide their own attempt: dual, nor an admin who learns (#4)", async () => {
    const { dual, dualLearner, admin, x, attempt } = await world();
    const own = await createSubmission({ membershipId: dualLearner.id, itemKey: reviewedKey, links: LINKS });
    expect(await approve(dual, own.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await claim(dual, { submissionId: own.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const adminLearner = await addMember(x.id, admin.id, "learner");
    const adminsOwn = await createSubmission({ membershipId: adminLearner.id, itemKey: reviewedKey, links: LINKS });
    expect(await approve(admin, adminsOwn.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.review.count({ where: { submissionId: { in: [own.id, adminsOwn.id] } } })).toBe(0);
    // The admin still reviews other people's work (docs/product.md, "Roles and scope"), and dual reviews in the cohort they mentor.
    expect(await approve(admin, attempt.id)).toMatchObject({ ok: true });
    expect(await approve(dual, adminsOwn.id)).toMatchObject({ ok: true });
  });

  it("refuses a mentor on the very next call once they are removed from the cohort (#5)", async () => {
    const { mentorX, mentorXMembership, x1, attempt } = await world();
    expect((await claim(mentorX, { submissionId: attempt.id })).ok).toBe(true);
    await db.membership.update({ where: { id: mentorXMembership.id }, data: { removedAt: new Date() } });
    expect(await approve(mentorX, attempt.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await release(mentorX, { submissionId: attempt.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const another = await createSubmission({ membershipId: x1.id, itemKey: otherReviewedKey, links: LINKS });
    expect(await claim(mentorX, { submissionId: another.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await attemptState(attempt.id)).review).toBeNull();
  });

  it("rejects extra fields such as status, reviewerId, learnerId or createdAt, and writes nothing (#7)", async () => {
    const { mentorX, learnerX1, attempt } = await world();
    for (const extra of [{ status: "approved" }, { reviewerId: mentorX.id }, { learnerId: learnerX1.id }, { createdAt: "2020-01-01" }]) {
      expect(await decide(mentorX, { submissionId: attempt.id, decision: "approve", ...extra })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(await claim(mentorX, { submissionId: attempt.id, ...extra })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(
        await asUser(mentorX, () => addMentorCommentAction({ submissionId: attempt.id, body: "Hi", ...extra })),
      ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    expect(await decide(mentorX, { submissionId: "not-a-uuid", decision: "approve" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await decide(mentorX, { submissionId: attempt.id, decision: "merge" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await attemptState(attempt.id)).toMatchObject({ status: "pending", review: null, claimedById: null, audits: 0 });
  });
});

describe("the thread", () => {
  it("adds a mentor's reply and notifies the learner in the same transaction", async () => {
    const { x, mentorX, learnerX1, x1, attempt } = await world();
    const empty = await asUser(mentorX, () => addMentorCommentAction({ submissionId: attempt.id, body: "   " }));
    expect(empty).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: ["Write a reply first."] } });
    const result = await asUser(mentorX, () => addMentorCommentAction({ submissionId: attempt.id, body: "Use a **local folder**." }));
    expect(result.ok).toBe(true);
    expect(await db.comment.findMany({ where: { membershipId: x1.id, itemKey: reviewedKey } })).toEqual([
      expect.objectContaining({ authorId: mentorX.id, body: "Use a **local folder**." }),
    ]);
    expect(await db.notification.findMany({ where: { userId: learnerX1.id } })).toEqual([
      expect.objectContaining({ type: "comment", title: `Morgan X replied about “${reviewedTitle}”`, href: `/roadmap/${reviewedKey}?cohort=${x.id}` }),
    ]);
  });
});
