// The CSV route handlers, called as Next calls them (a Request and the route's params) while signed in
// through asUser(): authorization against the database, formula-injection safety, quoting, and a statement
// count that does not grow with the cohort.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportProgress } from "@/app/(app)/cohorts/[cohortId]/export/progress/route";
import { GET as exportReviews } from "@/app/(app)/cohorts/[cohortId]/export/reviews/route";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { createBulkLearners } from "@/prisma/factories/cohort-progress";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type Handler = typeof exportProgress;
type User = { id: string; sessionVersion: number };

const RANDOM = "0195f3a4-0000-7000-8000-000000000000";
const EVIL = '=HYPERLINK("http://evil.example","click")';

let versionId: string;
let items: { key: string; title: string; reviewRequired: boolean }[];
let world: Awaited<ReturnType<typeof createWorldWithDecisions>>;

function call(handler: Handler, user: User, cohortId: string) {
  return asUser(user, () =>
    handler(new Request(`http://localhost/cohorts/${cohortId}/export`), { params: Promise.resolve({ cohortId }) }),
  );
}

/** Splits CSV into rows of cells (RFC 4180 quoting); Response.text() has already dropped the byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && body[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 1;
    } else cell += char;
  }
  return rows;
}

async function createWorldWithDecisions() {
  const w = await createWorld({
    versionId,
    cohorts: { timezone: "America/Los_Angeles" },
    names: { mentorY: '@Mentor, "the reviewer"', learnerX1: EVIL, learnerX2: "+1 Learner" },
  });
  const evilMembership = w.memberships.x1;

  const reviewed = items.find((item) => item.reviewRequired)!;
  await setProgress(evilMembership.id, items[0]!.key, "done");
  const first = await createSubmission({
    membershipId: evilMembership.id,
    itemKey: reviewed.key,
    links: [{ url: "https://github.com/example/repo" }],
    at: new Date("2027-03-01T07:30:00Z"),
  });
  await decideSubmission({
    submissionId: first.id,
    reviewerId: w.mentorX.id,
    decision: "request_changes",
    comment: '=1+1, then "quote"\nand a second line',
    at: new Date("2027-03-01T08:00:00Z"),
  });
  const second = await createSubmission({
    membershipId: evilMembership.id,
    itemKey: reviewed.key,
    links: [{ url: "https://github.com/example/repo" }],
    at: new Date("2027-03-02T08:00:00Z"),
  });
  await decideSubmission({ submissionId: second.id, reviewerId: w.mentorY.id, decision: "approve", at: new Date("2027-03-03T08:00:00Z") });
  return { ...w, reviewed };
}

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  items = await listMilestonesInOrder(versionId);
  world = await createWorldWithDecisions();
});

describe("GET /cohorts/{id}/export/progress", () => {
  it("downloads the matrix as CSV: titles then keys as headers, a row per learner, every milestone and project, no formulas", async () => {
    const response = await call(exportProgress, world.mentorX, world.x.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cohort-x-progress-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await response.text();
    const rows = parseCsv(text);
    const projects = await db.portfolioProject.findMany({
      where: { versionId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { key: true, title: true },
    });
    expect(projects.length).toBeGreaterThan(0);
    const keys = [...items.map((item) => item.key), ...projects.map((project) => project.key)];
    expect(rows[0]!.slice(0, 6)).toEqual(["Learner", "Email", "Start date", "Risk level", "At risk", `1.1 ${items[0]!.title}`]);
    expect(rows[0]!.slice(-3)).toEqual([`Project: ${projects.at(-1)!.title}`, "Milestones done", "Milestones"]);
    expect(rows[1]).toEqual(["learner", "email", "start_date", "risk_level", "at_risk", ...keys, "milestones_done", "milestones"]);
    // A learner's level is their worst flag's, and each reason names its own level, most serious first.
    for (const row of rows.slice(2)) {
      const [level, reasons] = [row[3]!, row[4]!];
      expect(["", "Watch", "At risk"]).toContain(level);
      expect(reasons === "" ? "" : reasons.split(": ")[0]).toBe(level);
    }
    // Learners only: no totals row among them.
    expect(rows.map((row) => row[0])).toEqual(["Learner", "learner", "'+1 Learner", `'${EVIL}`]);
    const evil = rows[3]!;
    expect(evil[5 + keys.indexOf(items[0]!.key)]).toBe("Done");
    expect(evil[5 + keys.indexOf(world.reviewed.key)]).toBe("Approved");
    expect(evil[5 + keys.indexOf(items.at(-1)!.key)]).toBe("Not started");
    expect(evil[5 + keys.indexOf(projects[0]!.key)]).toBe("Not started");
    expect(evil.slice(-2)).toEqual([String(items[0]!.key === world.reviewed.key ? 1 : 2), String(items.length)]);
    // The raw text never starts a cell with a formula character.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("costs the same number of statements at 20 and 500 learners", async () => {
    const counts: number[] = [];
    for (const size of [20, 500]) {
      const cohort = await createCohort({ versionId, name: `Export ${size}` });
      await addMember(cohort.id, world.mentorX.id, "mentor");
      await createBulkLearners({ cohortId: cohort.id, items, count: size, reviewerId: world.mentorX.id, startDate: cohort.startDate });
      const { result, count } = await countQueries(() => call(exportProgress, world.mentorX, cohort.id));
      expect(parseCsv(await result.text())).toHaveLength(size + 2);
      counts.push(count);
    }
    // The session check, the access check, the roadmap and the learners.
    expect(counts).toEqual([4, 4]);
    const reviews = await countQueries(() => call(exportReviews, world.mentorX, world.x.id));
    expect(reviews.count).toBe(3);
  });
});

describe("GET /cohorts/{id}/export/reviews", () => {
  it("lists every decision with date on the cohort's clock, learner, milestone, attempt, decision, reviewer, comment", async () => {
    const response = await call(exportReviews, world.admin, world.x.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cohort-x-reviews-/);
    const rows = parseCsv(await response.text());
    expect(rows).toEqual([
      ["Date (America/Los_Angeles)", "Learner", "Milestone", "Milestone key", "Attempt", "Decision", "Reviewer", "Comment"],
      ["2027-03-01 00:00", `'${EVIL}`, world.reviewed.title, world.reviewed.key, "1", "Changes requested", "Mentor X", "'=1+1, then \"quote\"\nand a second line"],
      ["2027-03-03 00:00", `'${EVIL}`, world.reviewed.title, world.reviewed.key, "2", "Approved", "'@Mentor, \"the reviewer\"", ""],
    ]);
  });
});

describe("scope of both exports", () => {
  it("answers another cohort's mentor, a learner, a random or malformed id with the same 404", async () => {
    for (const handler of [exportProgress, exportReviews]) {
      const baseline = await call(handler, world.mentorX, RANDOM);
      const expected = { status: 404, type: baseline.headers.get("content-type"), body: await baseline.text() };
      expect(expected).toEqual({ status: 404, type: "text/plain; charset=utf-8", body: "Not found" });
      for (const [user, cohortId] of [
        [world.mentorY, world.x.id],
        [world.mentorX, world.y.id],
        [world.learnerY1, world.y.id],
        [world.mentorX, "not-a-uuid"],
      ] as const) {
        const response = await call(handler, user, cohortId);
        expect({ status: response.status, type: response.headers.get("content-type"), body: await response.text() }).toEqual(expected);
      }
    }
  });

  it("refuses a mentor on the next request once they are removed (docs/security.md #5)", async () => {
    const mentor = await createUser({ name: "Leaving Mentor" });
    const membership = await addMember(world.x.id, mentor.id, "mentor");
    expect((await call(exportProgress, mentor, world.x.id)).status).toBe(200);
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    expect((await call(exportProgress, mentor, world.x.id)).status).toBe(404);
    expect((await call(exportReviews, mentor, world.x.id)).status).toBe(404);
  });
});
