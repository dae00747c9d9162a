// GET /api/v1/cohorts/{id}/progress (docs/api.md): the cohort matrix for scripts, as JSON or as the very CSV the
// cohort screen exports, for the cohort's mentors and admins only.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportProgress } from "@/app/(app)/cohorts/[cohortId]/export/progress/route";
import { GET as progress } from "@/app/api/v1/cohorts/[id]/progress/route";
import type { ApiScope } from "@/lib/auth/api-token";
import { wantsCsv } from "@/lib/features/cohort-progress/utils";
import { setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";
import { callApi, exhaustRateLimit, refusedTokens } from "@/test/api";

type User = Awaited<ReturnType<typeof createUser>>;
type Progress = {
  cohort: { id: string; name: string };
  items: { key: string; kind: string; phase: string | null }[];
  learners: { name: string; email: string; completed: number; total: number; statuses: Record<string, string> }[];
};

const EVIL = '=HYPERLINK("http://evil.example","click")';

let versionId: string;
let milestones: { key: string }[];

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  milestones = await listMilestonesInOrder(versionId);
});

async function world() {
  const w = await createWorld({ versionId, names: { learnerX1: EVIL, learnerX2: "Ben X" } });
  await setProgress(w.memberships.x1.id, milestones[0]!.key, "done");
  await setProgress(w.memberships.x1.id, milestones[1]!.key, "in_progress");
  await setProgress(w.memberships.x2.id, milestones[0]!.key, "approved");
  return w;
}

const tokenOf = async (user: User, scopes: ApiScope[] = ["read"]) => (await createApiToken(user.id, { scopes })).token;
const get = (token: string | undefined, id: string, { query = "", accept }: { query?: string; accept?: string } = {}) =>
  callApi(progress, { token, params: { id }, path: `/api/v1/cohorts/${id}/progress${query}`, headers: accept ? { accept } : {} });

describe("GET /api/v1/cohorts/{id}/progress", () => {
  it("answers every learner's status on every item by key, for the cohort's mentor", async () => {
    const { mentorX, x } = await world();
    const answer = await get(await tokenOf(mentorX), x.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    const body = answer.body as Progress;
    expect(body.cohort).toEqual({ id: x.id, name: "Cohort X" });
    expect(body.items.filter((item) => item.kind === "milestone").map((item) => item.key)).toEqual(milestones.map((milestone) => milestone.key));
    expect(body.items.some((item) => item.kind === "project" && item.phase === null)).toBe(true);
    expect(body.learners.map((learner) => learner.name)).toEqual([EVIL, "Ben X"].sort((a, b) => a.localeCompare(b, "en")));
    const lena = body.learners.find((learner) => learner.name === EVIL)!;
    expect(lena.statuses[milestones[0]!.key]).toBe("done");
    expect(lena.statuses[milestones[1]!.key]).toBe("in_progress");
    expect(lena.statuses[milestones[2]!.key]).toBe("not_started");
    expect(Object.keys(lena.statuses)).toEqual(body.items.map((item) => item.key));
    expect(lena.completed).toBe(1);
    expect(body.learners.find((learner) => learner.name === "Ben X")!.statuses[milestones[0]!.key]).toBe("approved");
  });

  it("answers with the cohort screen's own CSV export, formula-safe, for Accept: text/csv and for ?format=csv", async () => {
    const { mentorX, admin, x } = await world();
    const screen = await asUser(mentorX, () =>
      exportProgress(new Request(`http://cairn.test/cohorts/${x.id}/export/progress`), { params: Promise.resolve({ cohortId: x.id }) }),
    );
    const expected = await screen.text();
    expect(expected).toContain(`'${EVIL.replaceAll('"', '""')}`);
    const token = await tokenOf(mentorX);
    for (const ask of [{ accept: "text/csv" }, { query: "?format=csv" }, { accept: "application/json;q=0.5, text/csv" }, { query: "?format=csv", accept: "application/json" }]) {
      const answer = await get(token, x.id, ask);
      expect(answer.status, JSON.stringify(ask)).toBe(200);
      expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(answer.headers.get("content-disposition")).toBe(screen.headers.get("content-disposition"));
      expect(answer.text).toBe(expected);
    }
    expect((await get(await tokenOf(admin), x.id, { accept: "text/csv" })).text).toBe(expected);
    for (const ask of [{ accept: "application/json" }, { query: "?format=json", accept: "text/csv" }, { accept: "text/csv;q=0.2, application/json" }, { accept: "*/*" }]) {
      expect((await get(token, x.id, ask)).headers.get("content-type"), JSON.stringify(ask)).toBe("application/json");
    }
    expect((await get(token, x.id, { query: "?format=xml" })).status).toBe(422);
  });

  it("answers 404 to a mentor of another cohort, a learner of the cohort, and for unknown or malformed ids; admins may read any", async () => {
    const { mentorY, learnerX1, admin, x } = await world();
    expect((await get(await tokenOf(mentorY), x.id)).status).toBe(404);
    expect((await get(await tokenOf(mentorY), x.id, { accept: "text/csv" })).status).toBe(404);
    expect((await get(await tokenOf(learnerX1, ["read", "review", "admin"]), x.id)).status).toBe(404);
    expect((await get(await tokenOf(admin), "0195f3a4-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await get(await tokenOf(admin), "x")).status).toBe(404);
    expect((await get(await tokenOf(admin), x.id)).status).toBe(200);
  });

  it("answers 401 for no, malformed, unknown, expired or revoked tokens, 403 without the read scope, 429 past the limit", async () => {
    const { mentorX, x } = await world();
    for (const [why, token] of [["none", undefined], ...Object.entries(await refusedTokens(mentorX.id))] as const) {
      expect((await get(token, x.id)).status, why).toBe(401);
    }
    expect((await get(await tokenOf(mentorX, ["submit", "review", "admin"]), x.id)).status).toBe(403);
    const { token, row } = await createApiToken(mentorX.id, { scopes: ["read"] });
    await exhaustRateLimit(row.id);
    const limited = await get(token, x.id);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

describe("choosing CSV or JSON", () => {
  it("follows ?format= first, then an Accept header that ranks text/csv above JSON", () => {
    expect(wantsCsv("csv", "application/json")).toBe(true);
    expect(wantsCsv("json", "text/csv")).toBe(false);
    expect(wantsCsv(undefined, "text/csv")).toBe(true);
    expect(wantsCsv(undefined, "Text/CSV; charset=utf-8")).toBe(true);
    expect(wantsCsv(undefined, "text/csv;q=0")).toBe(false);
    expect(wantsCsv(undefined, "application/json, text/csv")).toBe(false);
    expect(wantsCsv(undefined, "application/json;q=0.1, text/csv")).toBe(true);
    expect(wantsCsv(undefined, "*/*")).toBe(false);
    expect(wantsCsv(undefined, null)).toBe(false);
  });
});
