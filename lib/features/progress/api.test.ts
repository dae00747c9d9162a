// API v1 for learners (docs/api.md): the roadmap, submitting evidence and completing a self-check milestone, through
// the route handlers with a real token, answered by the same commands and loaders as the screens.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as roadmapRoute } from "@/app/api/v1/roadmap/route";
import { POST as completeRoute } from "@/app/api/v1/milestones/[key]/complete/route";
import { POST as submissionsRoute } from "@/app/api/v1/milestones/[key]/submissions/route";
import { newApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { API_RATE_LIMIT } from "@/lib/http/api";
import { submitEvidenceAction } from "@/lib/features/progress/actions";
import { loadLearnerItem } from "@/lib/features/progress/loaders";
import { loadReviewScreen } from "@/lib/features/reviews/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { callApi } from "@/test/api";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let selfCheckKey: string;
let reviewedKey: string;
let otherReviewedKey: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const milestones = (await readDefaultRoadmap()).phases.flatMap((phase) => phase.milestones);
  selfCheckKey = milestones.find((m) => !m.reviewRequired && m.evidence !== "required")!.key;
  reviewedKey = milestones.find((m) => m.reviewRequired)!.key;
  otherReviewedKey = milestones.find((m) => m.reviewRequired && m.key !== reviewedKey)!.key;
});

/** Learner X1 and X2 in cohort X, learner Y1 in cohort Y, a mentor of X; each with a read+submit token. */
async function world() {
  const cohortX = await createCohort({ versionId, name: "Cohort X" });
  const cohortY = await createCohort({ versionId, name: "Cohort Y" });
  const [learner, classmate, outsider, mentor] = [await createUser(), await createUser(), await createUser(), await createUser()];
  const membership = await addMember(cohortX.id, learner.id, "learner");
  await addMember(cohortX.id, classmate.id, "learner");
  await addMember(cohortY.id, outsider.id, "learner");
  await addMember(cohortX.id, mentor.id, "mentor");
  const tokenOf = async (user: User) => (await createApiToken(user.id, { scopes: ["read", "submit"] })).token;
  return {
    cohortX,
    cohortY,
    learner,
    classmate,
    outsider,
    mentor,
    membership,
    token: await tokenOf(learner),
    mentorToken: await tokenOf(mentor),
  };
}

const links = [{ url: "https://github.com/learner/pipeline/pull/3", label: "PR" }];

const roadmap = (token: string | undefined, query = "") => callApi(roadmapRoute, { token, path: `/api/v1/roadmap${query}` });
const submit = (token: string | undefined, key: string, body: unknown, headers: Record<string, string> = {}) =>
  callApi(submissionsRoute, { method: "POST", token, body, headers, params: { key } });
const complete = (token: string | undefined, key: string, body?: unknown) =>
  callApi(completeRoute, { method: "POST", token, body, params: { key } });

const attemptsOf = (user: User) => db.submission.count({ where: { progress: { membership: { userId: user.id } } } });

describe("every learner endpoint", () => {
  const calls = [
    ["GET /api/v1/roadmap", (token?: string) => roadmap(token)],
    ["POST /api/v1/milestones/{key}/submissions", (token?: string) => submit(token, reviewedKey, { links })],
    ["POST /api/v1/milestones/{key}/complete", (token?: string) => complete(token, selfCheckKey)],
  ] as const;

  it("answers 401 for no token, a malformed one, an unknown one, an expired one and a revoked one", async () => {
    const { learner } = await world();
    const expired = await createApiToken(learner.id, { scopes: ["read", "submit"], expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createApiToken(learner.id, { scopes: ["read", "submit"] });
    await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    for (const [name, call] of calls) {
      for (const token of [undefined, "cairn_pat_short", newApiToken().token, expired.token, revoked.token]) {
        const answer = await call(token);
        expect(answer.status, `${name} with ${token}`).toBe(401);
        expect(answer.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    expect(await attemptsOf(learner)).toBe(0);
  });

  it("answers 403 to a token lacking the endpoint's scope, and changes nothing", async () => {
    const { learner } = await world();
    const readOnly = (await createApiToken(learner.id, { scopes: ["read"] })).token;
    const submitOnly = (await createApiToken(learner.id, { scopes: ["submit"] })).token;
    expect((await roadmap(submitOnly)).status).toBe(403);
    expect((await submit(readOnly, reviewedKey, { links })).body).toMatchObject({ status: 403, detail: expect.stringContaining('"submit"') });
    expect((await complete(readOnly, selfCheckKey)).status).toBe(403);
    expect(await attemptsOf(learner)).toBe(0);
    expect(await db.progress.count({ where: { membership: { userId: learner.id } } })).toBe(0);
  });

  it("answers 429 with Retry-After once the token's window is used up", async () => {
    const { learner } = await world();
    const busy = await createApiToken(learner.id, { scopes: ["read", "submit"] });
    for (let hit = 0; hit < API_RATE_LIMIT.points; hit += 1) await consumeRateLimit(`api:${busy.row.id}`, API_RATE_LIMIT);
    for (const [name, call] of calls) {
      const answer = await call(busy.token);
      expect(answer.status, name).toBe(429);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(await attemptsOf(learner)).toBe(0);
  });
});

describe("GET /api/v1/roadmap", () => {
  it("answers the learner's roadmap in their first cohort: phases, milestones with due dates and latest attempts, and counts", async () => {
    const { cohortX, token } = await world();
    await complete(token, selfCheckKey);
    const submitted = await submit(token, reviewedKey, { links });

    const answer = await roadmap(token);
    expect(answer.status).toBe(200);
    const body = answer.body as {
      cohortId: string;
      progress: { total: number; completed: number; byStatus: Record<string, number> };
      phases: { milestones: { key: string; status: string; dueDate: string; latestAttempt: unknown; reviewRequired: boolean }[] }[];
    };
    expect(body).toMatchObject({ cohortId: cohortX.id, cohortName: "Cohort X", roadmapTitle: expect.any(String) });
    const milestones = body.phases.flatMap((phase) => phase.milestones);
    expect(body.progress.total).toBe(milestones.length);
    expect(body.progress).toMatchObject({ completed: 1, byStatus: { done: 1, submitted: 1, not_started: milestones.length - 2 } });
    expect(milestones.find((m) => m.key === selfCheckKey)).toMatchObject({ status: "done", latestAttempt: null, reviewRequired: false });
    expect(milestones.find((m) => m.key === reviewedKey)).toMatchObject({
      status: "submitted",
      reviewRequired: true,
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      latestAttempt: { id: (submitted.body as { id: string }).id, status: "pending" },
    });
    expect((await roadmap(token, `?cohortId=${cohortX.id}`)).body).toEqual(body);
  });

  it("answers 404 for a cohort the person does not learn in: another learner's, one they mentor, or none at all", async () => {
    const { cohortX, cohortY, token, mentorToken } = await world();
    const foreign = await roadmap(token, `?cohortId=${cohortY.id}`);
    const random = await roadmap(token, `?cohortId=${crypto.randomUUID()}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(random.body);
    expect((await roadmap(mentorToken, `?cohortId=${cohortX.id}`)).status).toBe(404);
    const none = await roadmap(mentorToken);
    expect(none.status).toBe(404);
    expect((none.body as { detail: string }).detail).toBe("You are not a learner in any active cohort, so you have no roadmap.");
  });

  it("answers 422 for a cohort id that is not one, and for any other query field", async () => {
    const { token } = await world();
    expect((await roadmap(token, "?cohortId=42")).body).toMatchObject({ status: 422, errors: { cohortId: ["This cohort does not exist."] } });
    expect((await roadmap(token, "?cohort=42")).status).toBe(422);
  });

  it("costs the same number of SQL statements for a cohort of 3 and of 30, token check and rate limit included (at most 6)", async () => {
    const sizes = [3, 30];
    const counts: number[] = [];
    for (const size of sizes) {
      const cohort = await createCohort({ versionId, name: `Cohort of ${size}` });
      const tokens: string[] = [];
      for (let i = 0; i < size; i += 1) {
        const user = await createUser();
        await addMember(cohort.id, user.id, "learner");
        tokens.push((await createApiToken(user.id, { scopes: ["read", "submit"] })).token);
        await complete(tokens[i], selfCheckKey);
      }
      const { count, result } = await countQueries(() => roadmap(tokens[0]));
      expect(result.status).toBe(200);
      counts.push(count);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});

describe("POST /api/v1/milestones/{key}/submissions", () => {
  it("creates the attempt and answers 201 with it; a milestone without review is recorded and done", async () => {
    const { learner, token } = await world();
    const answer = await submit(token, reviewedKey, { links, note: "See the **PR**." });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      milestoneKey: reviewedKey,
      attempt: 1,
      status: "pending",
      milestoneStatus: "submitted",
      source: "api",
      links: [{ url: links[0]!.url, label: "PR", kind: "github_pull_request" }],
      note: "See the **PR**.",
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(await attemptsOf(learner)).toBe(1);

    const ci = await submit(token, selfCheckKey, { links: [{ url: "https://github.com/learner/pipeline/actions/runs/1" }], source: "ci" });
    expect(ci.status).toBe(201);
    expect(ci.body).toMatchObject({ status: "recorded", milestoneStatus: "done", source: "ci", links: [{ label: null, kind: "github_actions_run" }] });
  });

  it("tells the learner's milestone page and the mentor's review screen that a CI attempt came from CI", async () => {
    const { learner, mentor, token } = await world();
    const viewerOf = (user: User) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });
    const fromCi = await submit(token, reviewedKey, { links, source: "ci" });
    const { id } = fromCi.body as { id: string };
    expect((await loadLearnerItem(viewerOf(learner), reviewedKey)).attempts.map((attempt) => attempt.source)).toEqual(["ci"]);
    expect((await loadReviewScreen(viewerOf(mentor), id)).attempt.source).toBe("ci");
  });

  it("answers 404 for an unknown milestone or a cohort the person does not learn in, and stores nothing", async () => {
    const { learner, cohortX, cohortY, token, mentorToken } = await world();
    const unknown = await submit(token, "no-such-milestone", { links });
    expect(unknown.status).toBe(404);
    expect((await submit(token, "Not A Key!", { links })).status).toBe(404);
    expect((await submit(token, reviewedKey, { links, cohortId: cohortY.id })).body).toEqual(unknown.body);
    expect((await submit(mentorToken, reviewedKey, { links, cohortId: cohortX.id })).status).toBe(404);
    expect(await attemptsOf(learner)).toBe(0);
  });

  it("gives a token with every scope no rights its person lacks: an admin's is refused like a stranger's (docs/security.md #47)", async () => {
    const { learner, cohortX } = await world();
    const admin = await createUser({ isAdmin: true });
    const { token } = await createApiToken(admin.id, { scopes: ["read", "submit", "review", "admin"] });
    expect((await roadmap(token, `?cohortId=${cohortX.id}`)).status).toBe(404);
    expect((await submit(token, reviewedKey, { links, cohortId: cohortX.id })).status).toBe(404);
    expect((await complete(token, selfCheckKey, { cohortId: cohortX.id })).status).toBe(404);
    expect(await db.submission.count({ where: { progress: { membership: { cohortId: cohortX.id } } } })).toBe(0);
    expect(await attemptsOf(learner)).toBe(0);
  });

  it("answers 422 naming each field for bad links, unknown fields or an unknown source, and stores nothing", async () => {
    const { learner, token } = await world();
    const bad = await submit(token, reviewedKey, { links: [{ url: "javascript:alert(1)" }] });
    expect(bad.body).toMatchObject({ status: 422, errors: { "links.0.url": ["Use a full http:// or https:// address."] } });
    expect((await submit(token, reviewedKey, { links: [] })).body).toMatchObject({ errors: { links: ["Add at least one evidence link."] } });
    expect((await submit(token, reviewedKey, { links, reviewer: "me" })).status).toBe(422);
    expect((await submit(token, reviewedKey, { links: [{ url: links[0]!.url, kind: "x" }] })).status).toBe(422);
    expect((await submit(token, reviewedKey, { links, source: "web" })).status).toBe(422);
    expect((await submit(token, reviewedKey, { links }, { "idempotency-key": "two words" })).status).toBe(422);
    expect((await submit(token, reviewedKey, "links=1", { "content-type": "text/plain" })).status).toBe(415);
    expect(await attemptsOf(learner)).toBe(0);
  });

  it("answers 409 when the milestone is already approved", async () => {
    const { learner, token, membership } = await world();
    await db.progress.create({ data: { membershipId: membership.id, itemKey: reviewedKey, status: "approved" } });
    const answer = await submit(token, reviewedKey, { links });
    expect(answer.body).toMatchObject({ status: 409, detail: "A mentor already approved this milestone." });
    expect(await attemptsOf(learner)).toBe(0);
  });

  it("answers the same key and body with the first attempt (200) and a different body with 409: one attempt (docs/security.md #47)", async () => {
    const { learner, token } = await world();
    const headers = { "idempotency-key": "run-1234-attempt-1" };
    const first = await submit(token, reviewedKey, { links }, headers);
    const again = await submit(token, reviewedKey, { links }, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const different = await submit(token, reviewedKey, { links, note: "changed" }, headers);
    expect(different.body).toMatchObject({ status: 409, detail: "This idempotency key was already used for a different submission." });
    expect((await submit(token, otherReviewedKey, { links }, headers)).status).toBe(409);
    expect(await attemptsOf(learner)).toBe(1);
  });

  it("turns simultaneous requests with one key into one attempt, answered to each (docs/security.md #47)", async () => {
    const { learner, token } = await world();
    const headers = { "idempotency-key": "run-99-attempt-2" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(token, reviewedKey, { links, source: "ci" }, headers)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => (answer.body as { id: string }).id)).size).toBe(1);
    expect(await attemptsOf(learner)).toBe(1);
    expect(await db.idempotencyKey.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("stores the same attempt as the milestone page's evidence form, apart from where it came from", async () => {
    const { cohortX, learner, classmate } = await world();
    const classmateToken = (await createApiToken(classmate.id, { scopes: ["submit"] })).token;
    const input = { links: [...links, { url: "https://example.org/notes", label: "" }], note: "Done, see the PR." };
    const screen = await asUser(learner, () => submitEvidenceAction({ cohortId: cohortX.id, itemKey: reviewedKey, ...input }));
    expect(screen.ok).toBe(true);
    expect((await submit(classmateToken, reviewedKey, input)).status).toBe(201);
    const stored = async (user: User) => {
      return db.submission.findFirstOrThrow({
        where: { progress: { membership: { userId: user.id } } },
        select: {
          attempt: true,
          status: true,
          note: true,
          source: true,
          progress: { select: { itemKey: true, status: true } },
          links: { orderBy: { position: "asc" }, select: { position: true, url: true, label: true, kind: true } },
        },
      });
    };
    const [viaScreen, viaApi] = [await stored(learner), await stored(classmate)];
    expect([viaScreen.source, viaApi.source]).toEqual(["web", "api"]);
    expect({ ...viaApi, source: "web" }).toEqual(viaScreen);
  });
});

describe("POST /api/v1/milestones/{key}/complete", () => {
  it("marks a self-check milestone done with or without a body, as the roadmap's tick does", async () => {
    const { cohortX, membership, token } = await world();
    expect(await complete(token, selfCheckKey)).toMatchObject({ status: 200, body: { status: "done" } });
    const progress = await db.progress.findUniqueOrThrow({ where: { membershipId_itemKey: { membershipId: membership.id, itemKey: selfCheckKey } } });
    expect(progress).toMatchObject({ status: "done", completedAt: expect.any(Date) });
    const again = await complete(token, selfCheckKey, { cohortId: cohortX.id });
    expect(again.body).toMatchObject({ status: 409, detail: "This milestone is already done." });
  });

  it("answers 409 for a milestone that needs review, saying to submit evidence", async () => {
    const { learner, token } = await world();
    const answer = await complete(token, reviewedKey);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ type: "urn:cairn:problem:conflict", detail: expect.stringContaining("submit evidence") });
    expect(await db.progress.count({ where: { membership: { userId: learner.id } } })).toBe(0);
  });

  it("answers 404 for an unknown milestone, another learner's cohort or a cohort the person mentors; 422 for other fields", async () => {
    const { cohortX, cohortY, token, mentorToken } = await world();
    expect((await complete(token, "no-such-milestone")).status).toBe(404);
    expect((await complete(token, selfCheckKey, { cohortId: cohortY.id })).status).toBe(404);
    expect((await complete(mentorToken, selfCheckKey, { cohortId: cohortX.id })).status).toBe(404);
    expect((await complete(token, selfCheckKey, { cohortId: cohortX.id, status: "approved" })).status).toBe(422);
  });
});
