// The mentor's half of API v1 (docs/api.md): the review queue and the review decision, through the route handlers
// as an HTTP client calls them, against the same rules as the queue and the review screen.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as reviews } from "@/app/api/v1/reviews/route";
import { POST as review } from "@/app/api/v1/submissions/[id]/review/route";
import type { ApiScope } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { decideReviewAction } from "@/lib/features/reviews/actions";
import { loadPendingPage } from "@/lib/features/reviews/loaders";
import { addMember } from "@/prisma/factories/cohorts";
import { createSubmission } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";
import { callApi, refusedTokens, exhaustRateLimit } from "@/test/api";

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let keys: string[];
let titles: Map<string, string>;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const reviewed = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones).filter((milestone) => milestone.reviewRequired);
  keys = reviewed.map((milestone) => milestone.key);
  titles = new Map(reviewed.map((milestone) => [milestone.key, milestone.title]));
});

const LINKS = [{ url: "https://github.com/learner/pipeline/pull/3", label: "The pull request", kind: "github_pull_request" as const }];
const MINUTE = 60_000;

/** docs/security.md's fixture world, a second mentor of X, and an admin who also learns in X. */
async function world() {
  const w = await createWorld({
    versionId,
    names: { learnerX1: "Lena X", learnerX2: "Omar X", learnerY1: "Yusuf Y" },
    extra: { mentorX2: { in: "x", as: "mentor", name: "Noor X" }, learningAdmin: { in: "x", as: "learner", name: "Ada Learning", isAdmin: true } },
  });
  const start = Date.now() - 60 * MINUTE;
  const at = (minutes: number) => new Date(start + minutes * MINUTE);
  const x1 = await createSubmission({ membershipId: w.memberships.x1.id, itemKey: keys[0]!, links: LINKS, note: "Please look.", at: at(1) });
  const y1 = await createSubmission({ membershipId: w.memberships.y1.id, itemKey: keys[0]!, links: LINKS, at: at(2) });
  const x2 = await createSubmission({ membershipId: w.memberships.x2.id, itemKey: keys[1]!, links: [], at: at(3) });
  const own = await createSubmission({ membershipId: w.memberships.learningAdmin.id, itemKey: keys[0]!, links: LINKS, at: at(4) });
  const dualOwn = await createSubmission({ membershipId: w.memberships.dualY.id, itemKey: keys[0]!, links: LINKS, at: at(5) });
  const attempts = { x1, y1, x2, own, dualOwn };
  /** Reviews stored for this world's attempts (files share one database; earlier tests leave theirs). */
  const reviewCount = () => db.review.count({ where: { submissionId: { in: Object.values(attempts).map((attempt) => attempt.id) } } });
  return { ...w, attempts, reviewCount };
}

const tokenOf = async (user: User, scopes: ApiScope[]) => (await createApiToken(user.id, { scopes })).token;
const list = (token: string | undefined, query = "") => callApi(reviews, { token, path: `/api/v1/reviews${query}` });
const decide = (token: string | undefined, id: string, body: unknown) =>
  callApi(review, { method: "POST", token, body, params: { id }, path: `/api/v1/submissions/${id}/review` });
type Page = { submissions: { id: string }[]; next: string | null };
const ids = (answer: { body: unknown }) => (answer.body as Page).submissions.map((submission) => submission.id);

describe("GET /api/v1/reviews", () => {
  it("lists the attempts waiting in the cohorts the person mentors, oldest first, with what the queue shows", async () => {
    const { mentorX, x, attempts } = await world();
    const answer = await list(await tokenOf(mentorX, ["read"]));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(ids(answer)).toEqual([attempts.x1.id, attempts.x2.id, attempts.own.id]);
    expect((answer.body as Page).submissions[0]).toEqual({
      id: attempts.x1.id,
      attempt: 1,
      submittedAt: attempts.x1.createdAt.toISOString(),
      note: "Please look.",
      links: [{ url: LINKS[0]!.url, label: "The pull request" }],
      learner: { name: "Lena X" },
      milestone: { key: keys[0], title: titles.get(keys[0]!), kind: "milestone" },
      cohort: { id: x.id, name: "Cohort X" },
    });
    expect((answer.body as Page).next).toBeNull();
  });

  it("never lists the person's own attempts: an admin sees every active cohort but their own work", async () => {
    const { admin, learningAdmin, dual, attempts } = await world();
    // An admin's queue spans every active cohort, other tests' worlds included: look at this world's attempts.
    const mine = new Set(Object.values(attempts).map((attempt) => attempt.id));
    const inWorld = (answer: { body: unknown }) => ids(answer).filter((id) => mine.has(id));
    expect(inWorld(await list(await tokenOf(admin, ["read"])))).toEqual([attempts.x1.id, attempts.y1.id, attempts.x2.id, attempts.own.id, attempts.dualOwn.id]);
    expect(inWorld(await list(await tokenOf(learningAdmin, ["read"])))).toEqual([attempts.x1.id, attempts.y1.id, attempts.x2.id, attempts.dualOwn.id]);
    // dual mentors X and learns in Y: their queue is X's, and their own attempt in Y is not in it.
    expect(ids(await list(await tokenOf(dual, ["read"])))).toEqual([attempts.x1.id, attempts.x2.id, attempts.own.id]);
  });

  it("pages with limit and cursor: every attempt once, in order, and next is null on the last page", async () => {
    const { mentorX, x, memberships, attempts } = await world();
    const token = await tokenOf(mentorX, ["read"]);
    // Two attempts at the same instant are told apart by their ids, so none is skipped or repeated at a page break.
    const tied = await createSubmission({ membershipId: memberships.x2.id, itemKey: keys[2]!, links: [], at: attempts.x2.createdAt });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await list(token, `?cohortId=${x.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status).toBe(200);
      seen.push(...ids(answer));
      cursor = (answer.body as Page).next;
      pages += 1;
    } while (cursor);
    const sameInstant = [attempts.x2.id, tied.id].sort();
    expect(seen).toEqual([attempts.x1.id, ...sameInstant, attempts.own.id]);
    expect(pages).toBe(2);
  });

  it("answers 404 for a cohort the person does not review and for someone with no queue; 422 for malformed parameters", async () => {
    const { mentorX, learnerX1, y } = await world();
    const token = await tokenOf(mentorX, ["read"]);
    expect((await list(token, `?cohortId=${y.id}`)).status).toBe(404);
    expect((await list(token, "?cohortId=00000000-0000-7000-8000-000000000000")).status).toBe(404);
    const learner = await list(await tokenOf(learnerX1, ["read", "review"]));
    expect(learner.status).toBe(404);
    expect(learner.body).toMatchObject({ type: "urn:cairn:problem:not-found", status: 404 });
    for (const query of ["?cohortId=x", "?limit=0", "?limit=101", "?limit=ten", "?cursor=abc"]) {
      const answer = await list(token, query);
      expect(answer.status, query).toBe(422);
      expect(Object.keys((answer.body as { errors: object }).errors), query).toHaveLength(1);
    }
  });

  it("reads a page in two statements, whether one attempt waits or sixty", async () => {
    const { mentorX, memberships } = await world();
    const small = await countQueries(() => loadPendingPage(mentorX, { limit: 50 }));
    for (let index = 0; index < 60; index += 1) {
      const learner = await createUser();
      const membership = await addMember(memberships.x1.cohortId, learner.id, "learner");
      await createSubmission({ membershipId: membership.id, itemKey: keys[0]!, links: LINKS });
    }
    const large = await countQueries(() => loadPendingPage(mentorX, { limit: 50 }));
    expect(large.result.submissions).toHaveLength(50);
    expect(large.result.next).not.toBeNull();
    expect(small.count).toBeLessThanOrEqual(2);
    expect(large.count).toBe(small.count);
  });
});

describe("POST /api/v1/submissions/{id}/review", () => {
  it("approves as the cohort's mentor and answers with the decided attempt", async () => {
    const { mentorX, attempts } = await world();
    const answer = await decide(await tokenOf(mentorX, ["review"]), attempts.x1.id, { decision: "approve", comment: "Clean **work**." });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: attempts.x1.id,
      attempt: 1,
      status: "approved",
      progressStatus: "approved",
      decision: { decision: "approve", comment: "Clean **work**.", reviewerName: mentorX.name, decidedAt: expect.any(String) },
    });
    const stored = await db.review.findUniqueOrThrow({ where: { submissionId: attempts.x1.id } });
    expect(stored).toMatchObject({ reviewerId: mentorX.id, decision: "approve", comment: "Clean **work**." });
    expect((answer.body as { decision: { decidedAt: string } }).decision.decidedAt).toBe(stored.createdAt.toISOString());
  });

  it("answers 404 for another cohort's attempt, the person's own, a learner's token with the review scope, and unknown ids", async () => {
    const { mentorY, learningAdmin, learnerX1, attempts, reviewCount } = await world();
    const approve = { decision: "approve" };
    expect((await decide(await tokenOf(mentorY, ["review"]), attempts.x1.id, approve)).status).toBe(404);
    expect((await decide(await tokenOf(learningAdmin, ["review"]), attempts.own.id, approve)).status).toBe(404);
    expect((await decide(await tokenOf(learnerX1, ["review"]), attempts.x2.id, approve)).status).toBe(404);
    expect((await decide(await tokenOf(learnerX1, ["review"]), attempts.x1.id, approve)).status).toBe(404);
    const mentorY2 = await tokenOf(mentorY, ["review"]);
    expect((await decide(mentorY2, "00000000-0000-7000-8000-000000000000", approve)).status).toBe(404);
    expect((await decide(mentorY2, "not-an-id", approve)).status).toBe(404);
    expect(await reviewCount()).toBe(0);
  });

  it("answers 422 with the screen's messages: changes need a comment, the decision must be one of two", async () => {
    const { mentorX, attempts, reviewCount } = await world();
    const token = await tokenOf(mentorX, ["review"]);
    const noComment = await decide(token, attempts.x1.id, { decision: "request_changes", comment: "  " });
    expect(noComment.status).toBe(422);
    expect(noComment.body).toMatchObject({
      type: "urn:cairn:problem:invalid-input",
      errors: { comment: ["Say what needs to change: a comment is required to request changes."] },
    });
    expect((await decide(token, attempts.x1.id, { decision: "maybe" })).status).toBe(422);
    expect((await decide(token, attempts.x1.id, { decision: "approve", submissionId: attempts.x2.id })).status).toBe(422);
    expect((await decide(token, attempts.x1.id, "decision=approve")).status).toBe(400);
    expect(await reviewCount()).toBe(0);
  });

  it("two mentors deciding the same attempt at once: one 200, one 409 naming the first, one stored review", async () => {
    const { mentorX, mentorX2, attempts } = await world();
    const [first, second] = await Promise.all([
      decide(await tokenOf(mentorX, ["review"]), attempts.x1.id, { decision: "approve" }),
      decide(await tokenOf(mentorX2, ["review"]), attempts.x1.id, { decision: "request_changes", comment: "Add tests." }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const conflict = (first.status === 409 ? first : second).body as { type: string; detail: string };
    expect(conflict.type).toBe("urn:cairn:problem:conflict");
    expect(conflict.detail).toMatch(/^Already decided by (Mentor X|Noor X) at /);
    expect(await db.review.count({ where: { submissionId: attempts.x1.id } })).toBe(1);
    const again = await decide(await tokenOf(mentorX, ["review"]), attempts.x1.id, { decision: "approve" });
    expect(again.status).toBe(409);
  });

  it("stores the same review, statuses, audit event and notification as the review screen's action", async () => {
    const { mentorX, attempts } = await world();
    const input = { decision: "request_changes" as const, comment: "Pin the dataset version.\n\n- and the seed" };
    expect(await asUser(mentorX, () => decideReviewAction({ submissionId: attempts.x1.id, ...input }))).toMatchObject({ ok: true });
    expect((await decide(await tokenOf(mentorX, ["review"]), attempts.x2.id, input)).status).toBe(200);

    const outcome = async (submissionId: string) => {
      const submission = await db.submission.findUniqueOrThrow({
        where: { id: submissionId },
        select: {
          status: true,
          claimedById: true,
          review: { select: { reviewerId: true, decision: true, comment: true } },
          progress: { select: { status: true, completedAt: true, membership: { select: { userId: true } } } },
        },
      });
      const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: submissionId }, select: { actorId: true, action: true, before: true, after: true } });
      const notifications = await db.notification.findMany({
        where: { userId: submission.progress.membership.userId, type: "decision" },
        select: { title: true },
      });
      return { ...submission, progress: { status: submission.progress.status }, audit, notifications: notifications.map((note) => note.title.split(":")[0]) };
    };
    const [screen, api] = [await outcome(attempts.x1.id), await outcome(attempts.x2.id)];
    expect(api).toEqual(screen);
    expect(screen.review).toEqual({ reviewerId: mentorX.id, ...input });
  });
});

describe("who the mentor endpoints answer", () => {
  const endpoints = (attemptId: string) => [
    { name: "GET /api/v1/reviews", scope: "read" as const, call: (token?: string) => list(token) },
    { name: "POST /api/v1/submissions/{id}/review", scope: "review" as const, call: (token?: string) => decide(token, attemptId, { decision: "approve" }) },
  ];

  it("answers 401 without a token and for a malformed, unknown, expired or revoked one", async () => {
    const { mentorX, attempts, reviewCount } = await world();
    const refused = await refusedTokens(mentorX.id);
    for (const endpoint of endpoints(attempts.x1.id)) {
      for (const [why, token] of [["none", undefined], ...Object.entries(refused)] as const) {
        const answer = await endpoint.call(token);
        expect(answer.status, `${endpoint.name}: ${why}`).toBe(401);
        expect(answer.headers.get("www-authenticate"), `${endpoint.name}: ${why}`).toMatch(/^Bearer realm="Cairn"/);
      }
    }
    expect(await reviewCount()).toBe(0);
  });

  it("answers 403 for a token without the endpoint's scope, even an admin's holding every other scope", async () => {
    const { admin, attempts, reviewCount } = await world();
    for (const endpoint of endpoints(attempts.x1.id)) {
      const others = (["read", "submit", "review", "admin"] as const).filter((scope) => scope !== endpoint.scope);
      const answer = await endpoint.call(await tokenOf(admin, [...others]));
      expect(answer.status, endpoint.name).toBe(403);
      expect((answer.body as { detail: string }).detail, endpoint.name).toContain(`"${endpoint.scope}"`);
    }
    expect(await reviewCount()).toBe(0);
  });

  it("answers 429 with Retry-After once the token's window is used up", async () => {
    const { mentorX, attempts, reviewCount } = await world();
    for (const endpoint of endpoints(attempts.x1.id)) {
      const { token, row } = await createApiToken(mentorX.id, { scopes: [endpoint.scope] });
      await exhaustRateLimit(row.id);
      const answer = await endpoint.call(token);
      expect(answer.status, endpoint.name).toBe(429);
      expect(Number(answer.headers.get("retry-after")), endpoint.name).toBeGreaterThanOrEqual(1);
    }
    expect(await reviewCount()).toBe(0);
  });
});
