import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replaceEvidenceLinkAction } from "@/lib/features/progress/actions";
import { countQueries } from "@/lib/db/query-count";
import { loadLearnerItem, loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { reapproveLinkAction } from "@/lib/features/reviews/actions";
import { loadReviewQueue } from "@/lib/features/reviews/loaders";
import { breakLink, createSubmission, decideSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type User = { id: string; email: string; name: string; isAdmin: boolean; sessionVersion?: number };

const viewerOf = (user: User) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });

let versionId: string;
let keys: { key: string; title: string }[];
let nextKey = 0;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  keys = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones).filter((m) => m.reviewRequired);
});

const OLD = "https://github.com/learner/gone-repo";
const NEW = "https://github.com/learner/new-repo";

function world() {
  return createWorld({ versionId, extra: { mentorX2: { in: "x", as: "mentor", name: "Noor X" } } });
}

/** An approved attempt of `membershipId` whose one link the nightly check found broken. */
async function brokenAttempt(w: Awaited<ReturnType<typeof world>>, membershipId: string, replacementUrl?: string) {
  const item = keys[nextKey++ % keys.length]!;
  const submission = await createSubmission({ membershipId, itemKey: item.key, links: [{ url: OLD }] });
  await decideSubmission({ submissionId: submission.id, reviewerId: w.mentorX.id, decision: "approve" });
  const link = await breakLink({ submissionId: submission.id, since: new Date("2027-03-02T03:17:00Z"), replacementUrl });
  return { submission, link, item };
}

const replace = (user: User, input: object) => asUser(user, () => replaceEvidenceLinkAction(input));
const reapprove = (user: User, input: object) => asUser(user, () => reapproveLinkAction(input));

function linkRow(id: string) {
  return db.submissionLink.findUniqueOrThrow({
    where: { id },
    select: { url: true, previousUrl: true, replacementUrl: true, replacedAt: true, health: true, brokenSince: true, checkError: true, kind: true },
  });
}

describe("replacing a broken evidence link (learner)", () => {
  it("keeps the approval, stores the new address for re-approval and tells the cohort's mentors", async () => {
    const w = await world();
    const { link, submission, item } = await brokenAttempt(w, w.memberships.x1.id);
    const before = await asUser(w.learnerX1, () => loadLearnerItem(viewerOf(w.learnerX1), item.key, w.x.id));
    expect(before.attempts[0]!.links[0]).toMatchObject({ broken: { reason: "404 Not Found", since: "2027-03-02T03:17:00.000Z" }, replacement: null });

    expect(await replace(w.learnerX1, { cohortId: w.x.id, linkId: link.id, url: ` ${NEW} ` })).toEqual({ ok: true, data: undefined });
    expect(await linkRow(link.id)).toMatchObject({ url: OLD, replacementUrl: NEW, health: "broken" });
    expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("approved");
    const told = await db.notification.findMany({ where: { type: "link_replaced", user: { memberships: { some: { cohortId: w.x.id } } } }, select: { userId: true, href: true, title: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([w.mentorX.id, w.dual.id, w.mentorX2.id].sort());
    expect(told[0]).toMatchObject({ href: "/reviews", title: `Learner X1 replaced a broken evidence link of "${item.title}"` });

    const after = await asUser(w.learnerX1, () => loadLearnerItem(viewerOf(w.learnerX1), item.key, w.x.id));
    expect(after.attempts[0]!.links[0]).toMatchObject({ replacement: { url: NEW } });
    expect(after.attempts[0]!.decision).toMatchObject({ decision: "approve" });
  });

  it("marks the milestone on the roadmap, in the same number of statements", async () => {
    const w = await world();
    const quiet = await countQueries(() => asUser(w.learnerX1, () => loadLearnerRoadmap(viewerOf(w.learnerX1), w.x.id)));
    const { item } = await brokenAttempt(w, w.memberships.x1.id);
    const { result, count } = await countQueries(() => asUser(w.learnerX1, () => loadLearnerRoadmap(viewerOf(w.learnerX1), w.x.id)));
    const rows = result.phases.flatMap((phase) => phase.milestones);
    expect(rows.filter((row) => row.linkBroken).map((row) => row.key)).toEqual([item.key]);
    expect(count).toBe(quiet.count);
  });

  it("answers not found for another learner's link, a mentor, or an unknown id, and refuses a working link or the same address", async () => {
    const w = await world();
    const { link } = await brokenAttempt(w, w.memberships.x1.id);
    for (const [user, cohortId] of [
      [w.learnerX2, w.x.id],
      [w.mentorX, w.x.id],
      [w.learnerY1, w.y.id],
      [w.admin, w.x.id],
    ] as const) {
      expect(await replace(user, { cohortId, linkId: link.id, url: NEW })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await replace(w.learnerX1, { cohortId: w.x.id, linkId: crypto.randomUUID(), url: NEW })).toMatchObject({ code: "NOT_FOUND" });
    expect(await replace(w.learnerX1, { cohortId: w.x.id, linkId: link.id, url: "javascript:alert(1)" })).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { url: ["Use a full http:// or https:// address."] },
    });
    expect(await replace(w.learnerX1, { cohortId: w.x.id, linkId: link.id, url: OLD })).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { url: [expect.any(String)] } });
    await db.submissionLink.update({ where: { id: link.id }, data: { health: "ok" } });
    expect(await replace(w.learnerX1, { cohortId: w.x.id, linkId: link.id, url: NEW })).toMatchObject({ code: "INVALID_STATE" });
    expect(await linkRow(link.id)).toMatchObject({ replacementUrl: null });
    expect(await db.notification.count({ where: { type: "link_replaced", userId: w.mentorX.id } })).toBe(0);
  });
});

describe("re-approving a replaced link (mentor)", () => {
  it("puts the replacement in place, keeps the old address, starts the check over, audits it and tells the learner", async () => {
    const w = await world();
    const { link, submission, item } = await brokenAttempt(w, w.memberships.x1.id, NEW);
    const queue = await asUser(w.mentorX, () => loadReviewQueue(viewerOf(w.mentorX)));
    expect(queue.replacedLinks).toEqual([expect.objectContaining({ linkId: link.id, learnerName: "Learner X1", url: OLD, replacementUrl: NEW, title: item.title })]);

    expect(await reapprove(w.mentorX, { linkId: link.id, replacementUrl: NEW })).toEqual({ ok: true, data: undefined });
    expect(await linkRow(link.id)).toEqual({
      url: NEW,
      previousUrl: OLD,
      replacementUrl: null,
      replacedAt: null,
      health: "unchecked",
      brokenSince: null,
      checkError: null,
      kind: "github_repo",
    });
    expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("approved");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "review.link_reapprove", targetId: link.id } });
    expect(audit).toMatchObject({ actorId: w.mentorX.id, targetType: "submission_link", targetId: link.id, cohortId: w.x.id, before: { url: OLD }, after: { url: NEW } });
    expect(await db.notification.findFirst({ where: { userId: w.learnerX1.id, title: `New link approved: ${item.title}` } })).toMatchObject({
      type: "decision",
      href: `/roadmap/${item.key}?cohort=${w.x.id}`,
    });
    expect((await asUser(w.mentorX, () => loadReviewQueue(viewerOf(w.mentorX)))).replacedLinks).toEqual([]);
  });

  it("answers not found to another cohort's mentor, the learner, a classmate and unknown links, and changes nothing", async () => {
    const w = await world();
    const { link } = await brokenAttempt(w, w.memberships.x1.id, NEW);
    expect((await asUser(w.mentorY, () => loadReviewQueue(viewerOf(w.mentorY)))).replacedLinks).toEqual([]);
    for (const user of [w.mentorY, w.learnerX1, w.learnerX2, w.learnerY1]) {
      expect(await reapprove(user, { linkId: link.id, replacementUrl: NEW })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await reapprove(w.mentorX, { linkId: crypto.randomUUID(), replacementUrl: NEW })).toMatchObject({ code: "NOT_FOUND" });
    expect(await linkRow(link.id)).toMatchObject({ url: OLD, replacementUrl: NEW });
    expect(await db.auditEvent.count({ where: { action: "review.link_reapprove", targetId: link.id } })).toBe(0);
    // An admin may, as with decisions.
    expect(await reapprove(w.admin, { linkId: link.id, replacementUrl: NEW })).toMatchObject({ ok: true });
  });

  it("lets one of two mentors clicking at once win, tells the other, and refuses a replacement changed meanwhile", async () => {
    const w = await world();
    const { link } = await brokenAttempt(w, w.memberships.x1.id, NEW);
    const results = await Promise.all([
      reapprove(w.mentorX, { linkId: link.id, replacementUrl: NEW }),
      reapprove(w.mentorX2, { linkId: link.id, replacementUrl: NEW }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      code: "CONFLICT",
      error: "This link was already re-approved, or its replacement withdrawn. Reload the page.",
    });
    expect(await db.auditEvent.count({ where: { action: "review.link_reapprove", targetId: link.id } })).toBe(1);

    const other = await brokenAttempt(w, w.memberships.x2.id, NEW);
    await replace(w.learnerX2, { cohortId: w.x.id, linkId: other.link.id, url: "https://github.com/learner/newer-repo" });
    expect(await reapprove(w.mentorX, { linkId: other.link.id, replacementUrl: NEW })).toMatchObject({
      code: "CONFLICT",
      error: "The learner changed the replacement meanwhile. Reload to see the new address.",
    });
    expect(await linkRow(other.link.id)).toMatchObject({ url: OLD, replacementUrl: "https://github.com/learner/newer-repo" });
  });
});
