// The mentor's cohort reads against a real database: the matrix's statement count at 20 and 500 learners,
// at-risk flags computed from the database on a fixed clock, and the same 404 for everything out of scope.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { dayFrom } from "@/lib/calendar";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { loadCohortList, loadCohortOverview, loadLearnerDetail } from "@/lib/features/cohort-progress/loaders";
import type { MatrixQuery } from "@/lib/features/cohort-progress/types";
import { closeOutCheckin, saveCheckinPlan } from "@/lib/features/checkins/mutations";
import { createCheckinComment } from "@/prisma/factories/checkins";
import { createBulkLearners } from "@/prisma/factories/cohort-progress";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { addComment, createCheckin, createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, listMilestonesInOrder } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld, type ExtraMember, type World } from "@/prisma/factories/world";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
// Wednesday 10 March 2027, 12:00 UTC; the cohorts run on Los Angeles time (04:00, still the 10th).
const NOW = new Date("2027-03-10T12:00:00Z");
const ZONE = "America/Los_Angeles";
const START = new Date("2027-01-04");
const LINK = [{ url: "https://github.com/example/repo" }];
const ALL: MatrixQuery = { q: "", phase: "", sort: "name", atRisk: false, page: 1 };

const viewerOf = (user: { id: string; email: string; name: string; isAdmin: boolean }): Viewer => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});
const day = (iso: string) => new Date(`${iso}T18:00:00Z`);

let versionId: string;
let items: { key: string; title: string; reviewRequired: boolean }[];
const cohortIn = (name: string) => createCohort({ versionId, name, startDate: START, timezone: ZONE });

let world: World<{ gone: ExtraMember }>;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  items = await listMilestonesInOrder(versionId);
  world = await createWorld({
    versionId,
    cohorts: { startDate: START, timezone: ZONE },
    names: { learnerX1: "Lena Park", learnerX2: "Omar Diaz", learnerY1: "Yara Y" },
    extra: { gone: { in: "x", as: "learner", name: "Removed Learner", removedAt: new Date("2027-02-01T00:00:00Z") } },
  });
});

describe("the Progress matrix's statement count", () => {
  it("is the same at 20 and 500 learners, and at most 3", async () => {
    const mentor = await createUser({ name: "Big Cohort Mentor" });
    const counts: number[] = [];
    for (const size of [20, 500]) {
      const cohort = await cohortIn(`Size ${size}`);
      await addMember(cohort.id, mentor.id, "mentor");
      await createBulkLearners({ cohortId: cohort.id, items, count: size, reviewerId: mentor.id, startDate: START, now: NOW });
      const { result, count, statements } = await countQueries(() =>
        loadCohortOverview(viewerOf(mentor), cohort.id, { ...ALL, sort: "progress", page: 2 }, NOW),
      );
      expect(result.stats.learners).toBe(size);
      expect(result.matrix.matched).toBe(size);
      expect(result.matrix.rows.length).toBeLessThanOrEqual(25);
      expect(count, statements.join("\n\n")).toBeLessThanOrEqual(3);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe("at-risk flags from the database, on a fixed clock", () => {
  it("flags changes requested with no newer attempt, and clears it once the learner resubmits", async () => {
    const cohort = await cohortIn("Risky");
    const [mentor, learner] = await Promise.all([createUser({ name: "Risk Mentor" }), createUser({ name: "Risk Learner" })]);
    await addMember(cohort.id, mentor.id, "mentor");
    const membership = await addMember(cohort.id, learner.id, "learner");
    const item = items.find((candidate) => candidate.reviewRequired)!;
    const first = await createSubmission({ membershipId: membership.id, itemKey: item.key, links: LINK, at: day("2027-02-19") });
    await decideSubmission({ submissionId: first.id, reviewerId: mentor.id, decision: "request_changes", comment: "More tests.", at: day("2027-02-20") });

    const before = await loadLearnerDetail(viewerOf(mentor), cohort.id, membership.id, NOW);
    expect(before.standing.risks.find((risk) => risk.kind === "changes_requested")?.reason).toBe(
      `Changes requested on “${item.title}” 18 days ago, no new attempt`,
    );
    // Nothing since the submission on 19 February (decisions are the mentor's, not the learner's, activity).
    expect(before.standing.risks.find((risk) => risk.kind === "inactive")?.reason).toBe("No activity for 19 days");
    expect(before.standing.risks.find((risk) => risk.kind === "weekly_rule")?.reason).toBe("Weekly rule missed the last 2 weeks");

    await createSubmission({ membershipId: membership.id, itemKey: item.key, links: LINK, at: day("2027-03-05") });
    const after = await loadLearnerDetail(viewerOf(mentor), cohort.id, membership.id, NOW);
    expect(after.standing.risks.map((risk) => risk.kind)).not.toContain("changes_requested");
    expect(after.standing.risks.map((risk) => risk.kind)).not.toContain("inactive");
    expect(after.standing.risks.map((risk) => risk.kind)).not.toContain("weekly_rule");
    expect(after.standing.waiting).toBe(1);
  });

  it("counts the learner's comments and check-ins as activity, and flags pace and a passed deadline", async () => {
    const cohort = await cohortIn("Quiet");
    const [mentor, learner] = await Promise.all([createUser({ name: "Quiet Mentor" }), createUser({ name: "Quiet Learner" })]);
    await addMember(cohort.id, mentor.id, "mentor");
    const membership = await addMember(cohort.id, learner.id, "learner");
    // A one-week-per-phase cohort whose seven phases ended on 21 February; the learner ticked two milestones.
    await db.cohort.update({ where: { id: cohort.id }, data: { weeksPerPhase: 1 } });
    await setProgress(membership.id, items[0]!.key, "done", day("2027-01-05"));
    await setProgress(membership.id, items[1]!.key, "done", day("2027-01-06"));

    const quiet = await loadCohortOverview(viewerOf(mentor), cohort.id, ALL, NOW);
    const flags = quiet.matrix.rows[0]!.standing.risks.map((risk) => [risk.kind, risk.severity]);
    expect(flags).toEqual([
      ["deadline_passed", "at_risk"],
      ["behind_pace", "at_risk"],
      ["phase_slipped", "at_risk"],
      ["inactive", "at_risk"],
      ["weekly_rule", "watch"],
    ]);
    expect(quiet.matrix.rows[0]!.standing.risks[1]!.reason).toBe(`Behind pace: 2 of ${items.length} due milestones done`);
    expect(quiet.matrix.rows[0]!.standing.severity).toBe("at_risk");
    expect([quiet.stats.atRisk, quiet.stats.watch]).toEqual([1, 0]);

    await addComment({ membershipId: membership.id, itemKey: items[2]!.key, authorId: mentor.id, body: "Still there?", at: day("2027-03-08") });
    const stillQuiet = await loadCohortOverview(viewerOf(mentor), cohort.id, ALL, NOW);
    expect(stillQuiet.matrix.rows[0]!.standing.risks.map((risk) => risk.kind)).toContain("inactive");

    const checkin = await createCheckin({
      membershipId: membership.id,
      weekStart: new Date("2027-03-01"),
      closed: false,
      notes: { learned: "Read about drift.", tested: "Fixed the flaky test.", reflection: "Slow week." },
    });
    await db.checkin.update({ where: { id: checkin.id }, data: { updatedAt: day("2027-01-10") } });
    await createCheckinComment({ checkinId: checkin.id, authorId: learner.id, body: "Back on it.", at: day("2027-03-07") });
    const active = await loadCohortOverview(viewerOf(mentor), cohort.id, ALL, NOW);
    expect(active.matrix.rows[0]!.standing.risks.map((risk) => risk.kind)).not.toContain("inactive");
    // Still no evidence or completion, but last week's check-in reported two parts of the weekly rule.
    expect(active.matrix.rows[0]!.standing.risks.find((risk) => risk.kind === "weekly_rule")?.reason).toBe(
      "Weekly rule missed the last 2 weeks; check-ins reported 0 and 2 of 5 parts",
    );
  });

  it("reads every instant on the cohort's calendar: the last activity, the weekly rule's weeks, a request's age", async () => {
    const cohort = await cohortIn("Zoned");
    const mentor = await createUser({ name: "Zone Mentor" });
    await addMember(cohort.id, mentor.id, "mentor");
    const member = async (name: string) => addMember(cohort.id, (await createUser({ name })).id, "learner");
    const [evening, sunday, early] = [await member("Zone Evening"), await member("Zone Sunday"), await member("Zone Weekend")];
    const item = items.find((candidate) => candidate.reviewRequired)!;
    // 1 March 20:00 in Los Angeles is 2 March in UTC; the request follows on 2 March 21:00 there (3 March in UTC).
    const attempt = await createSubmission({ membershipId: evening.id, itemKey: item.key, links: LINK, at: new Date("2027-03-02T04:00:00Z") });
    await decideSubmission({ submissionId: attempt.id, reviewerId: mentor.id, decision: "request_changes", at: new Date("2027-03-03T05:00:00Z") });
    // Sunday 7 March 23:30 there is Monday 8 March in UTC: last week on the cohort's clock, not the running one.
    await createSubmission({ membershipId: sunday.id, itemKey: item.key, links: LINK, at: new Date("2027-03-08T07:30:00Z") });
    // Sunday 21 February 21:00 there is Monday 22 February in UTC: three weeks back, not the week before last.
    await createSubmission({ membershipId: early.id, itemKey: item.key, links: LINK, at: new Date("2027-02-22T05:00:00Z") });

    const { matrix } = await loadCohortOverview(viewerOf(mentor), cohort.id, ALL, NOW);
    const risks = (name: string) => matrix.rows.find((row) => row.name === name)!.standing.risks;
    expect(risks("Zone Evening").find((risk) => risk.kind === "inactive")?.reason).toBe("No activity for 9 days");
    expect(risks("Zone Evening").find((risk) => risk.kind === "changes_requested")?.reason).toBe(
      `Changes requested on “${item.title}” 8 days ago, no new attempt`,
    );
    expect(risks("Zone Sunday").map((risk) => risk.kind)).not.toContain("weekly_rule");
    expect(risks("Zone Weekend").map((risk) => risk.kind)).toContain("weekly_rule");
  });
});

describe("a learner's timeline", () => {
  it("shows a week as planned only when it was planned, and every closed-out week as closed", async () => {
    const cohort = await cohortIn("Timeline");
    const [mentor, learner] = await Promise.all([createUser({ name: "Timeline Mentor" }), createUser({ name: "Timeline Learner" })]);
    await addMember(cohort.id, mentor.id, "mentor");
    const membership = await addMember(cohort.id, learner.id, "learner");
    const closeOut = { learned: "Docker layers", built: "", tested: "", documented: "", reviewed: "", blockers: "", reflection: "", actualHours: 4 };
    const planned = await saveCheckinPlan({ membershipId: membership.id, weekStart: dayFrom("2027-03-01") }, null, { plannedKeys: [items[0]!.key], plannedHours: 6 });
    await closeOutCheckin({ membershipId: membership.id, weekStart: dayFrom("2027-03-01") }, planned.lockVersion, closeOut, day("2027-03-07"));
    await closeOutCheckin({ membershipId: membership.id, weekStart: dayFrom("2027-02-22") }, null, closeOut, day("2027-02-28"));

    const { timeline } = await loadLearnerDetail(viewerOf(mentor), cohort.id, membership.id, NOW);
    const weeks = timeline.map((event) => `${event.kind} ${event.weekStart}`);
    expect(weeks).toEqual(expect.arrayContaining(["checkin_planned 2027-03-01", "checkin_closed 2027-03-01", "checkin_closed 2027-02-22"]));
    expect(weeks).not.toContain("checkin_planned 2027-02-22");
  });
});

describe("scope: out of scope is the same 404 as a random id", () => {
  const random = "0195f3a4-0000-7000-8000-000000000000";

  it("lets the cohort's mentors and admins read the matrix, and nobody else", async () => {
    for (const viewer of [world.mentorX, world.admin, world.dual]) {
      const overview = await loadCohortOverview(viewer, world.x.id, ALL, NOW);
      expect(overview.matrix.rows.map((row) => row.name)).toEqual(["Lena Park", "Omar Diaz"]);
    }
    for (const [viewer, cohortId] of [
      [world.mentorY, world.x.id],
      [world.learnerX1, world.x.id],
      [world.dual, world.y.id],
      [world.mentorX, random],
      [world.mentorX, "not-a-uuid"],
    ] as const) {
      await expect(loadCohortOverview(viewer, cohortId, ALL, NOW)).rejects.toThrow(NOT_FOUND);
    }
  });

  it("shows a learner's page only through their own active cohort", async () => {
    const detail = await loadLearnerDetail(world.mentorX, world.x.id, world.memberships.x1.id, NOW);
    expect(detail.learner.name).toBe("Lena Park");
    expect(detail.canComment).toBe(true);
    const asAdmin = await loadLearnerDetail(world.admin, world.x.id, world.memberships.x1.id, NOW);
    expect([asAdmin.canComment, asAdmin.canSignOff]).toEqual([false, true]);

    for (const [viewer, cohortId, membershipId] of [
      [world.mentorY, world.x.id, world.memberships.x1.id],
      [world.mentorY, world.y.id, world.memberships.x1.id],
      [world.mentorX, world.x.id, world.memberships.y1.id],
      [world.mentorX, world.y.id, world.memberships.y1.id],
      [world.dual, world.y.id, world.memberships.dualY.id],
      [world.learnerX1, world.x.id, world.memberships.x1.id],
      [world.mentorX, world.x.id, world.memberships.gone.id],
      [world.mentorX, world.x.id, world.memberships.mentorX.id],
      [world.mentorX, world.x.id, random],
      [world.mentorX, world.x.id, "../x2"],
    ] as const) {
      await expect(loadLearnerDetail(viewer, cohortId, membershipId, NOW)).rejects.toThrow(NOT_FOUND);
    }
  });

  it("refuses a mentor on the next request once they are removed from the cohort (docs/security.md #5)", async () => {
    const mentor = await createUser({ name: "Leaving Mentor" });
    const membership = await addMember(world.x.id, mentor.id, "mentor");
    await loadCohortOverview(viewerOf(mentor), world.x.id, ALL, NOW);
    await loadLearnerDetail(viewerOf(mentor), world.x.id, world.memberships.x1.id, NOW);
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    await expect(loadCohortOverview(viewerOf(mentor), world.x.id, ALL, NOW)).rejects.toThrow(NOT_FOUND);
    await expect(loadLearnerDetail(viewerOf(mentor), world.x.id, world.memberships.x1.id, NOW)).rejects.toThrow(NOT_FOUND);
  });

  it("lists the cohorts someone mentors, every cohort for an admin, and is a 404 for a learner", async () => {
    expect((await loadCohortList(world.mentorX)).map((cohort) => cohort.name)).toEqual(["Cohort X"]);
    const all = await loadCohortList(world.admin);
    expect(all.map((cohort) => cohort.name)).toEqual(expect.arrayContaining(["Cohort X", "Cohort Y"]));
    expect(all.find((cohort) => cohort.name === "Cohort X")?.learners).toBe(2);
    await expect(loadCohortList(world.learnerX1)).rejects.toThrow(NOT_FOUND);
  });
});

describe("the learner page", () => {
  it("shows progress by phase, a newest-first timeline and pending attempts in a constant number of statements", async () => {
    const { x1 } = world.memberships;
    const reviewed = items.find((item) => item.reviewRequired)!;
    await setProgress(x1.id, items[0]!.key, "done", day("2027-01-06"));
    const attempt = await createSubmission({ membershipId: x1.id, itemKey: reviewed.key, links: LINK, at: day("2027-01-20") });
    await decideSubmission({ submissionId: attempt.id, reviewerId: world.mentorX.id, decision: "request_changes", comment: "Pin the data.", at: day("2027-01-21") });
    const second = await createSubmission({ membershipId: x1.id, itemKey: reviewed.key, links: LINK, at: day("2027-01-25") });
    await addComment({ membershipId: x1.id, itemKey: reviewed.key, authorId: world.learnerX1.id, body: "Pinned it.", at: day("2027-01-26") });

    const { result: detail, count } = await countQueries(() => loadLearnerDetail(world.mentorX, world.x.id, x1.id, NOW));
    expect(count).toBeLessThanOrEqual(10);
    const milestone = detail.phases.flatMap((phase) => phase.milestones).find((m) => m.key === reviewed.key)!;
    expect(milestone.status).toBe("submitted");
    expect(milestone.pending).toMatchObject({ submissionId: second.id, attempt: 2 });
    // The portfolio projects follow the phases, numbered as the matrix numbers them.
    expect(detail.projects.map((project) => [project.code, project.status, project.pending])).toEqual(
      ["P1", "P2", "P3", "P4", "P5"].map((code) => [code, "not_started", null]),
    );
    expect(detail.timeline.map((event) => event.kind).slice(0, 4)).toEqual(["comment", "attempt", "decision", "attempt"]);
    expect(detail.timeline.find((event) => event.kind === "decision")).toMatchObject({
      actorName: "Mentor X",
      decision: "request_changes",
      excerpt: "Pin the data.",
      itemTitle: reviewed.title,
    });

    // Ten more check-ins and comments add no statement.
    for (let week = 0; week < 10; week += 1) {
      const checkin = await createCheckin({ membershipId: x1.id, weekStart: new Date(Date.UTC(2027, 0, 4 + week * 7)) });
      await createCheckinComment({ checkinId: checkin.id, authorId: world.mentorX.id, at: day("2027-03-01") });
    }
    const more = await countQueries(() => loadLearnerDetail(world.mentorX, world.x.id, x1.id, NOW));
    expect(more.count).toBe(count);
    expect(more.result.checkins.weeks.filter((week) => week.checkin).length).toBe(10);
  });
});
