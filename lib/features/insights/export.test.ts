// The insights CSV route handlers, called as Next calls them while signed in through asUser(): each chart's figures
// for exactly the people who may see the chart, and the same 404 for everyone else, an unknown chart or a bad query.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as versionFrictionCsv } from "@/app/(app)/admin/roadmaps/[roadmapId]/insights/csv/route";
import { GET as cohortCsv } from "@/app/(app)/cohorts/[cohortId]/insights/csv/[chart]/route";
import { GET as myProgressCsv } from "@/app/(app)/progress/csv/[chart]/route";
import { createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type User = { id: string; sessionVersion: number };

let imported: Awaited<ReturnType<typeof importDefaultRoadmap>>;
let items: Awaited<ReturnType<typeof listMilestonesInOrder>>;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  imported = await importDefaultRoadmap();
  items = await listMilestonesInOrder(imported.versionId);
  world = await createWorld({ versionId: imported.versionId, cohorts: { timezone: "Europe/Berlin" } });
  const reviewed = items.find((item) => item.reviewRequired)!;
  await setProgress(world.memberships.x1.id, items[0]!.key, "done");
  const attempt = await createSubmission({
    membershipId: world.memberships.x1.id,
    itemKey: reviewed.key,
    links: [{ url: "https://github.com/example/secret-repo" }],
    note: "A private thought about my work",
  });
  await decideSubmission({ submissionId: attempt.id, reviewerId: world.mentorX.id, decision: "request_changes", comment: "Not yet: tests" });
});

const cohortChart = (user: User, cohortId: string, chart: string) =>
  asUser(user, () =>
    cohortCsv(new Request(`http://localhost/cohorts/${cohortId}/insights/csv/${chart}`), { params: Promise.resolve({ cohortId, chart }) }),
  );

const versionChart = (user: User, roadmapId: string, query: string) =>
  asUser(user, () =>
    versionFrictionCsv(new Request(`http://localhost/admin/roadmaps/${roadmapId}/insights/csv${query}`), { params: Promise.resolve({ roadmapId }) }),
  );

const myChart = (user: User, chart: string, query = "") =>
  asUser(user, () => myProgressCsv(new Request(`http://localhost/progress/csv/${chart}${query}`), { params: Promise.resolve({ chart }) }));

async function csvOf(response: Response): Promise<string[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
  return (await response.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
}

describe("GET /cohorts/{id}/insights/csv/{chart}", () => {
  it("downloads each chart of the cohort for its mentor, with no note, comment or evidence link in it", async () => {
    for (const chart of ["flow", "pace", "review-wait", "streaks", "friction"]) {
      const lines = await csvOf(await cohortChart(world.mentorX, world.x.id, chart));
      expect(lines.length, chart).toBeGreaterThan(1);
      const text = lines.join("\n");
      for (const secret of ["secret-repo", "A private thought", "Not yet: tests"]) expect(text, chart).not.toContain(secret);
    }
    expect((await csvOf(await cohortChart(world.mentorX, world.x.id, "flow")))[0]).toMatch(/^Week,/);
    expect((await csvOf(await cohortChart(world.mentorX, world.x.id, "friction")))[0]).toMatch(/^Code,Milestone,Phase,/);
    expect((await csvOf(await cohortChart(world.admin, world.x.id, "pace")))[0]).toMatch(/^Week,/);
  });

  it("answers 404 to the cohort's learners, another cohort's mentor, an unknown chart and a random id", async () => {
    for (const [user, cohortId, chart] of [
      [world.learnerX1, world.x.id, "flow"],
      [world.learnerX1, world.x.id, "friction"],
      [world.mentorY, world.x.id, "streaks"],
      [world.mentorY, world.x.id, "friction"],
      [world.mentorX, world.x.id, "burnup"],
      [world.mentorX, "not-a-uuid", "flow"],
      [world.mentorX, "0195f3a4-0000-7000-8000-000000000000", "flow"],
    ] as const) {
      expect((await cohortChart(user, cohortId, chart)).status, `${chart} for ${cohortId}`).toBe(404);
    }
  });
});

describe("GET /admin/roadmaps/{id}/insights/csv?version=N", () => {
  it("downloads friction across the version's cohorts for an admin only", async () => {
    const lines = await csvOf(await versionChart(world.admin, imported.roadmapId, `?version=${imported.number}`));
    expect(lines[0]).toMatch(/^Code,Milestone,Phase,/);
    expect(lines.length).toBeGreaterThan(items.length);
    for (const [user, query] of [
      [world.mentorX, `?version=${imported.number}`],
      [world.learnerX1, `?version=${imported.number}`],
      [world.admin, "?version=999"],
      [world.admin, "?version=one"],
      [world.admin, ""],
    ] as const) {
      expect((await versionChart(user, imported.roadmapId, query)).status, query).toBe(404);
    }
  });
});

describe("GET /progress/csv/{chart}", () => {
  it("downloads the signed-in learner's own burn-up and hours, and nothing for anyone who learns nowhere", async () => {
    expect((await csvOf(await myChart(world.learnerX1, "burnup")))[0]).toMatch(/^Week,/);
    expect((await csvOf(await myChart(world.learnerX1, "hours")))[0]).toMatch(/^Week,/);
    expect((await myChart(world.learnerX1, "flow")).status).toBe(404);
    expect((await myChart(world.mentorX, "burnup")).status).toBe(404);
    expect((await myChart(world.admin, "hours")).status).toBe(404);
    // Another cohort's id in the query is not a way into someone else's figures.
    expect((await myChart(world.learnerX1, "burnup", `?cohort=${world.y.id}`)).status).toBe(404);
  });
});
