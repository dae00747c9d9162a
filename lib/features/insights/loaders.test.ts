// Insights against a real database on a fixed clock: a hand-built cohort on Auckland time whose every status
// change, decision and check-in has a known date, so each weekly figure is worked out by hand below; the same 404
// for everything out of scope; and the statement counts at 20 and 500 learners.
import { beforeAll, describe, expect, it } from "vitest";
import { getLearnerMembership } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { getCheckinsPage } from "@/lib/features/checkins/data";
import {
  loadCohortHealth,
  loadCohortHealthCsv,
  loadLearnerProgress,
  loadMyProgress,
  loadMyProgressCsv,
} from "@/lib/features/insights/loaders";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { createBulkLearners } from "@/prisma/factories/cohort-progress";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, listMilestonesInOrder, roadmapMilestone } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
const ZONE = "Pacific/Auckland";
/** Wednesday 3 February 2027, 13:00 in Auckland (UTC+13): this week is the one of Monday 1 February. */
const NOW = new Date("2027-02-03T00:00:00Z");
const START = new Date("2027-01-04");
const LINK = [{ url: "https://github.com/example/repo" }];

/** A moment on the wall clock in Auckland (summer time, UTC+13). */
const nz = (day: string, time = "12:00") => new Date(`${day}T${time}:00+13:00`);

const viewerOf = (user: { id: string; email: string; name: string; isAdmin: boolean }): Viewer => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * Two phases of two milestones (the first of each needs review) and a portfolio project. On a two-week phase from
 * 4 January the milestones are due 10, 17, 24 and 31 January.
 */
function smallRoadmap(slug: string): RoadmapDocument {
  return {
    title: "Small Roadmap",
    slug,
    summary: "",
    phases: [
      {
        key: "basics",
        title: "Basics",
        description: "",
        milestones: [
          roadmapMilestone("m1", { reviewRequired: true, evidence: "required" }),
          roadmapMilestone("m2"),
        ],
      },
      {
        key: "production",
        title: "Production",
        description: "",
        milestones: [
          roadmapMilestone("m3", { reviewRequired: true, evidence: "required" }),
          roadmapMilestone("m4"),
        ],
      },
    ],
    projects: [
      { key: "capstone", title: "Capstone", description: "", doneWhen: [], evidence: "optional", reviewRequired: false, milestoneKeys: [] },
    ],
    weeklyRule: ["1 day: learn"],
    criteria: [],
    notes: [],
  };
}

let smallVersionId: string;
let cohortId: string;
let otherCohortId: string;
let mentor: User;
let otherMentor: User;
let admin: User;
let alice: User;
let bo: User;
let cy: User;
let gone: User;
const memberships: Record<"alice" | "bo" | "cy" | "gone" | "mentor" | "elsewhere", string> = {
  alice: "",
  bo: "",
  cy: "",
  gone: "",
  mentor: "",
  elsewhere: "",
};

beforeAll(async () => {
  const { versionId } = await importRoadmapDocument(smallRoadmap("insights-small"));
  smallVersionId = versionId;
  const cohort = await createCohort({ versionId, name: "Insights Cohort", startDate: START, timezone: ZONE });
  const other = await createCohort({ versionId, name: "Other Cohort", startDate: START, timezone: ZONE });
  cohortId = cohort.id;
  otherCohortId = other.id;
  await db.cohort.update({ where: { id: cohortId }, data: { reviewTargetHours: 48 } });
  [mentor, otherMentor, admin, alice, bo, cy, gone] = await Promise.all([
    createUser({ name: "Mina Mentor" }),
    createUser({ name: "Otto Other" }),
    createUser({ name: "Ada Admin", isAdmin: true }),
    createUser({ name: "Alice Ames" }),
    createUser({ name: "Bo Brandt" }),
    createUser({ name: "Cy Chen" }),
    createUser({ name: "Gone Gray" }),
  ]);
  memberships.mentor = (await addMember(cohortId, mentor.id, "mentor")).id;
  await addMember(otherCohortId, otherMentor.id, "mentor");
  memberships.alice = (await addMember(cohortId, alice.id, "learner")).id;
  memberships.bo = (await addMember(cohortId, bo.id, "learner")).id;
  memberships.cy = (await addMember(cohortId, cy.id, "learner")).id;
  memberships.gone = (await addMember(cohortId, gone.id, "learner")).id;
  memberships.elsewhere = (await addMember(otherCohortId, (await createUser({ name: "Elsa Elsewhere" })).id, "learner")).id;
  // Bo starts a week late and wrote a check-in the week before; Cy has two weeks' extension.
  await db.membership.update({ where: { id: memberships.bo }, data: { startDate: new Date("2027-01-11") } });
  await db.membership.update({ where: { id: memberships.cy }, data: { extensionDays: 14 } });

  // Alice: m1 submitted (6 Jan), sent back (12 Jan), resubmitted (19 Jan), approved (27 Jan); m2 ticked on 9 Jan;
  // m3 submitted on 29 Jan and withdrawn on 2 Feb.
  const a1 = await createSubmission({ membershipId: memberships.alice, itemKey: "m1", links: LINK, at: nz("2027-01-06") });
  await db.progress.update({ where: { id: a1.progressId }, data: { startedAt: nz("2027-01-05") } });
  await decideSubmission({ submissionId: a1.id, reviewerId: mentor.id, decision: "request_changes", comment: "Tests.", at: nz("2027-01-12") });
  const a2 = await createSubmission({ membershipId: memberships.alice, itemKey: "m1", links: LINK, at: nz("2027-01-19") });
  await decideSubmission({ submissionId: a2.id, reviewerId: mentor.id, decision: "approve", at: nz("2027-01-27") });
  await setProgress(memberships.alice, "m2", "done", nz("2027-01-09"));
  await db.progress.updateMany({ where: { membershipId: memberships.alice, itemKey: "m2" }, data: { startedAt: nz("2027-01-08") } });
  const a3 = await createSubmission({ membershipId: memberships.alice, itemKey: "m3", links: LINK, at: nz("2027-01-29") });
  await db.submission.update({ where: { id: a3.id }, data: { status: "withdrawn", withdrawnAt: nz("2027-02-02") } });
  await db.progress.update({ where: { id: a3.progressId }, data: { status: "in_progress", startedAt: nz("2027-01-28") } });

  // Bo: m1 submitted (13 Jan), sent back (14 Jan), resubmitted (20 Jan) and withdrawn (21 Jan), so changes are still
  // requested; m2 started at 00:30 on Monday 25 January in Auckland (still the 24th in UTC); the project done on 2 Feb.
  const b1 = await createSubmission({ membershipId: memberships.bo, itemKey: "m1", links: LINK, at: nz("2027-01-13") });
  await decideSubmission({ submissionId: b1.id, reviewerId: mentor.id, decision: "request_changes", comment: "More.", at: nz("2027-01-14") });
  const b2 = await createSubmission({ membershipId: memberships.bo, itemKey: "m1", links: LINK, at: nz("2027-01-20") });
  await db.submission.update({ where: { id: b2.id }, data: { status: "withdrawn", withdrawnAt: nz("2027-01-21") } });
  await db.progress.update({ where: { id: b2.progressId }, data: { status: "changes_requested" } });
  await setProgress(memberships.bo, "m2", "in_progress", nz("2027-01-25", "00:30"));
  await setProgress(memberships.bo, "capstone", "done", nz("2027-02-02"));
  await db.checkin.create({ data: { membershipId: memberships.bo, weekStart: new Date("2027-01-04"), plannedHours: 3 } });

  // Gone: approved within a day in the first week, then removed from the cohort.
  const g1 = await createSubmission({ membershipId: memberships.gone, itemKey: "m1", links: LINK, at: nz("2027-01-05") });
  await decideSubmission({ submissionId: g1.id, reviewerId: mentor.id, decision: "approve", at: nz("2027-01-06") });
  await setProgress(memberships.gone, "m2", "done", nz("2027-01-05"));
  await db.membership.update({ where: { id: memberships.gone }, data: { removedAt: nz("2027-01-20") } });

  // Alice's check-ins: a closed week, an open one, and this week's plan.
  await db.checkin.createMany({
    data: [
      { membershipId: memberships.alice, weekStart: new Date("2027-01-04"), plannedHours: 10, actualHours: 8, closedAt: nz("2027-01-10") },
      { membershipId: memberships.alice, weekStart: new Date("2027-01-18"), plannedHours: 6 },
      { membershipId: memberships.alice, weekStart: new Date("2027-02-01"), plannedHours: 5 },
    ],
  });
});

describe("cohort health", () => {
  it("counts each milestone's status at the end of every week, derived from the facts", async () => {
    const health = await loadCohortHealth(viewerOf(mentor), cohortId, NOW);
    expect(health.today).toBe("2027-02-03");
    expect([health.learners, health.milestones]).toEqual([3, 4]);
    expect(health.cohort).toEqual({
      id: cohortId,
      name: "Insights Cohort",
      timezone: ZONE,
      reviewTargetHours: 48,
      startDate: "2027-01-04",
      as: "mentor",
    });
    // [not started, in progress, submitted, changes requested, complete] of 3 learners × 4 milestones.
    expect(health.flow.map((week) => [week.week, ...Object.values(week.counts)])).toEqual([
      ["2027-01-04", 10, 0, 1, 0, 1],
      ["2027-01-11", 9, 0, 0, 2, 1],
      ["2027-01-18", 9, 0, 1, 1, 1],
      ["2027-01-25", 7, 1, 1, 1, 2],
      ["2027-02-01", 7, 2, 0, 1, 2],
    ]);
    expect(Object.keys(health.flow[0]!.counts)).toEqual(["not_started", "in_progress", "submitted", "changes_requested", "complete"]);
  });

  it("reads a year back at most, and takes each fact for what it was at the time", async () => {
    // A cohort that started 56 weeks before this one: the chart shows the last 52 weeks, from 9 February 2026.
    const cohort = await createCohort({ versionId: smallVersionId, name: "Long Cohort", startDate: new Date("2026-01-05"), timezone: ZONE });
    await addMember(cohort.id, mentor.id, "mentor");
    const learner = await createUser({ name: "Lee Long" });
    const membershipId = (await addMember(cohort.id, learner.id, "learner")).id;
    // m2 ticked before the chart's first week.
    await setProgress(membershipId, "m2", "done", nz("2026-01-07"));
    // m3 submitted on 2 June, withdrawn on 10 June, then reset to "Not started" (its last update) on 17 June.
    const withdrawn = await createSubmission({ membershipId, itemKey: "m3", links: LINK, at: nz("2026-06-02") });
    await db.submission.update({ where: { id: withdrawn.id }, data: { status: "withdrawn", withdrawnAt: nz("2026-06-10") } });
    await db.$executeRaw`UPDATE progress SET status = 'not_started', started_at = NULL, updated_at = ${nz("2026-06-17")} WHERE id = ${withdrawn.progressId}::uuid`;
    // m1 submitted, its start written a moment after the attempt (two clocks); m4 done with recorded evidence.
    const submitted = await createSubmission({ membershipId, itemKey: "m1", links: LINK, at: nz("2027-01-26") });
    await db.progress.update({ where: { id: submitted.progressId }, data: { startedAt: new Date(nz("2027-01-26").getTime() + 5) } });
    const recorded = await setProgress(membershipId, "m4", "done", nz("2027-01-27"));
    await db.submission.create({ data: { progressId: recorded.id, attempt: 1, status: "recorded", createdAt: nz("2027-01-27") } });

    const health = await loadCohortHealth(viewerOf(mentor), cohort.id, NOW);
    expect(health.flow).toHaveLength(52);
    const at = (week: string) => Object.values(health.flow.find((row) => row.week === week)!.counts);
    expect(health.flow[0]!.week).toBe("2026-02-09");
    expect(at("2026-02-09")).toEqual([3, 0, 0, 0, 1]);
    expect(at("2026-06-01")).toEqual([2, 0, 1, 0, 1]);
    expect(at("2026-06-08")).toEqual([2, 1, 0, 0, 1]);
    expect(at("2026-06-15")).toEqual([3, 0, 0, 0, 1]);
    expect(at("2027-01-25")).toEqual([1, 0, 1, 0, 2]);
    expect(health.pace[0]).toMatchObject({ week: "2026-02-09", median: 1 });
    expect(health.streaks[0]).toMatchObject({ name: "Lee Long", weeksPast: 56 });
  });

  it("gives the plan and the spread of milestones complete per learner each week", async () => {
    const health = await loadCohortHealth(viewerOf(mentor), cohortId, NOW);
    expect(health.pace.map(({ week, planned, p10, p25, median, p75, p90 }) => [week, planned, p10, p25, median, p75, p90])).toEqual([
      ["2027-01-04", 1, 0, 0, 0, 0.5, 0.8],
      ["2027-01-11", 2, 0, 0, 0, 0.5, 0.8],
      ["2027-01-18", 3, 0, 0, 0, 0.5, 0.8],
      ["2027-01-25", 4, 0, 0, 0, 1, 1.6],
      ["2027-02-01", 4, 0, 0, 0, 1, 1.6],
    ]);
    // Each learner on their own schedule: Bo started a week late (3 due), Cy has two weeks more (2 due).
    expect(health.paceLearners.map(({ name, completed, expected }) => [name, completed, expected])).toEqual([
      ["Bo Brandt", 0, 3],
      ["Alice Ames", 2, 4],
      ["Cy Chen", 0, 2],
    ]);
  });

  it("gives the hours from attempt to decision by the week of the decision, and how many met the target", async () => {
    const health = await loadCohortHealth(viewerOf(mentor), cohortId, NOW);
    expect(health.reviewWait.map(({ week, decided, medianHours, p90Hours, withinTarget }) => [week, decided, medianHours, p90Hours, withinTarget])).toEqual([
      // The removed learner's attempt, decided in a day: the mentors' work counts whoever it was for.
      ["2027-01-04", 1, 24, 24, 1],
      ["2027-01-11", 2, 84, 132, 1],
      ["2027-01-18", 0, null, null, 0],
      ["2027-01-25", 1, 192, 192, 0],
      ["2027-02-01", 0, null, null, 0],
    ]);
  });

  it("gives every learner the streak the Check-ins page shows them", async () => {
    const health = await loadCohortHealth(viewerOf(mentor), cohortId, NOW);
    expect(health.streaks.map(({ name, streak, weeksMet, weeksPast }) => [name, streak, weeksMet, weeksPast])).toEqual([
      ["Alice Ames", 2, 3, 4],
      // The check-in before her start counts her from that week; the project done this week starts a streak.
      ["Bo Brandt", 1, 1, 4],
      ["Cy Chen", 0, 0, 4],
    ]);
    for (const [user, learner] of [[alice, "Alice Ames"], [bo, "Bo Brandt"], [cy, "Cy Chen"]] as const) {
      const page = await getCheckinsPage((await getLearnerMembership(user.id, cohortId))!, user.id, NOW);
      const shown = health.streaks.find((row) => row.name === learner)!;
      expect([shown.streak, shown.weeksMet, shown.weeksPast]).toEqual([page.streak, page.weeksMet, page.weeksPast]);
    }
  });

  it("exports each chart as CSV, a row a week with plain column names", async () => {
    const flow = (await loadCohortHealthCsv(viewerOf(mentor), cohortId, "flow", NOW))!;
    expect(flow.filename).toBe("insights-cohort-flow-2027-02-03.csv");
    expect(flow.body.replace(/^\uFEFF/, "").split("\r\n").slice(0, 3)).toEqual([
      "Week,Not started (milestones),In progress (milestones),Submitted (milestones),Changes requested (milestones),Complete (milestones)",
      "2027-01-04,10,0,1,0,1",
      "2027-01-11,9,0,0,2,1",
    ]);
    const wait = (await loadCohortHealthCsv(viewerOf(admin), cohortId, "review-wait", NOW))!;
    expect(wait.body.split("\r\n")[2]).toBe("2027-01-11,2,84,132,1");
    expect(wait.body.split("\r\n")[3]).toBe("2027-01-18,0,,,0");
    const streaks = (await loadCohortHealthCsv(viewerOf(mentor), cohortId, "streaks", NOW))!;
    expect(streaks.body.replace(/^\uFEFF/, "").split("\r\n").slice(0, 2)).toEqual(["Learner,Streak (weeks),Weeks met,Past weeks", "Alice Ames,2,3,4"]);
    const pace = (await loadCohortHealthCsv(viewerOf(mentor), cohortId, "pace", NOW))!;
    expect(pace.body.split("\r\n")[5]).toBe("2027-02-01,4,0,0,0,1,1.6");
  });

  it("is for the cohort's mentors and admins only: the same 404 as a random id for anyone else", async () => {
    expect((await loadCohortHealth(viewerOf(admin), cohortId, NOW)).cohort.as).toBe("admin");
    for (const [viewer, id] of [
      [alice, cohortId],
      [otherMentor, cohortId],
      [mentor, "not-a-uuid"],
      [mentor, "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      await expect(loadCohortHealth(viewerOf(viewer), id, NOW)).rejects.toThrow(NOT_FOUND);
      expect(await loadCohortHealthCsv(viewerOf(viewer), id, "flow", NOW)).toBeNull();
    }
    expect(await loadCohortHealthCsv(null, cohortId, "flow", NOW)).toBeNull();
  });
});

describe("a learner's progress", () => {
  it("gives the burn-up: the plan, what is complete, and the forecast line to the forecast finish", async () => {
    const progress = await loadMyProgress(viewerOf(alice), undefined, NOW);
    expect(progress.learner).toEqual({ membershipId: memberships.alice, name: "Alice Ames" });
    expect(progress.cohort).toEqual({ id: cohortId, name: "Insights Cohort", timezone: ZONE });
    expect([progress.startDate, progress.finishTarget, progress.milestones, progress.completed]).toEqual(["2027-01-04", "2027-01-31", 4, 2]);
    // Two of four in the 31 days to today: the last two take 31 more, to 6 March (the week of 1 March).
    expect(progress.forecast).toBe("2027-03-06");
    expect(progress.burnup.map(({ week, planned, completed, forecast }) => [week, planned, completed, forecast])).toEqual([
      ["2027-01-04", 1, 1, null],
      ["2027-01-11", 2, 1, null],
      ["2027-01-18", 3, 1, null],
      ["2027-01-25", 4, 2, null],
      ["2027-02-01", 4, 2, 2],
      ["2027-02-08", 4, null, 2.5],
      ["2027-02-15", 4, null, 3],
      ["2027-02-22", 4, null, 3.5],
      ["2027-03-01", 4, null, 4],
    ]);
  });

  it("gives the hours planned and logged each week, and the streak the Check-ins page shows", async () => {
    const progress = await loadMyProgress(viewerOf(alice), cohortId, NOW);
    expect(progress.hours.map(({ week, planned, logged }) => [week, planned, logged])).toEqual([
      ["2027-01-04", 10, 8],
      ["2027-01-11", null, null],
      ["2027-01-18", 6, null],
      ["2027-01-25", null, null],
      ["2027-02-01", 5, null],
    ]);
    expect([progress.hoursPlanned, progress.hoursLogged]).toEqual([21, 8]);
    const page = await getCheckinsPage((await getLearnerMembership(alice.id, cohortId))!, alice.id, NOW);
    expect([progress.streak, progress.weeksMet, progress.weeksPast]).toEqual([page.streak, page.weeksMet, page.weeksPast]);
    expect([progress.streak, progress.weeksMet, progress.weeksPast]).toEqual([2, 3, 4]);
  });

  it("holds only the learner's own figures", async () => {
    const progress = await loadMyProgress(viewerOf(bo), cohortId, NOW);
    expect(progress.learner.name).toBe("Bo Brandt");
    expect(progress.completed).toBe(0);
    expect(progress.burnup.every((week) => week.completed === null || week.completed === 0)).toBe(true);
    expect(progress.hours.filter((week) => week.planned !== null)).toEqual([]);
    expect([progress.hoursPlanned, progress.hoursLogged]).toEqual([0, 0]);
    expect(JSON.stringify(progress)).not.toMatch(/Alice|Cy Chen|Gone/);
  });

  it("exports the burn-up and the hours as CSV", async () => {
    const burnup = (await loadMyProgressCsv(viewerOf(alice), "burnup", undefined, NOW))!;
    expect(burnup.filename).toBe("insights-cohort-my-burn-up-2027-02-03.csv");
    expect(burnup.body.replace(/^\uFEFF/, "").split("\r\n").slice(0, 2)).toEqual([
      "Week,Planned (milestones),Completed (milestones),Forecast (milestones)",
      "2027-01-04,1,1,",
    ]);
    expect(burnup.body.split("\r\n")[6]).toBe("2027-02-08,4,,2.5");
    const hours = (await loadMyProgressCsv(viewerOf(alice), "hours", cohortId, NOW))!;
    expect(hours.body.replace(/^\uFEFF/, "").split("\r\n").slice(0, 3)).toEqual(["Week,Planned hours,Logged hours", "2027-01-04,10,8", "2027-01-11,,"]);
  });

  it("is the signed-in learner's own: a cohort they do not learn in, a removed learner and a mentor get a 404", async () => {
    for (const [viewer, id] of [
      [alice, otherCohortId],
      [alice, "not-a-uuid"],
      [gone, undefined],
      [mentor, undefined],
      [admin, undefined],
    ] as const) {
      await expect(loadMyProgress(viewerOf(viewer), id, NOW)).rejects.toThrow(NOT_FOUND);
      expect(await loadMyProgressCsv(viewerOf(viewer), "burnup", id, NOW)).toBeNull();
    }
    expect(await loadMyProgressCsv(null, "hours", undefined, NOW)).toBeNull();
  });

  it("shows one learner to the cohort's mentor and admins as the learner sees it, and to nobody else", async () => {
    const own = await loadMyProgress(viewerOf(alice), undefined, NOW);
    expect(await loadLearnerProgress(viewerOf(mentor), cohortId, memberships.alice, NOW)).toEqual(own);
    expect(await loadLearnerProgress(viewerOf(admin), cohortId, memberships.alice, NOW)).toEqual(own);
    for (const [viewer, id] of [
      [bo, memberships.alice],
      [otherMentor, memberships.alice],
      [mentor, memberships.gone],
      [mentor, memberships.mentor],
      [mentor, memberships.elsewhere],
      [mentor, "not-a-uuid"],
    ] as const) {
      await expect(loadLearnerProgress(viewerOf(viewer), cohortId, id, NOW)).rejects.toThrow(NOT_FOUND);
    }
    await expect(loadLearnerProgress(viewerOf(otherMentor), otherCohortId, memberships.alice, NOW)).rejects.toThrow(NOT_FOUND);
  });
});

describe("the statement counts", () => {
  it("are the same at 20 and 500 learners: at most 4 for cohort health, 2 for a learner's own, 3 for their mentor", async () => {
    const { versionId } = await importDefaultRoadmap();
    const items = await listMilestonesInOrder(versionId);
    const bulkMentor = await createUser({ name: "Bulk Mentor" });
    const counts: number[][] = [];
    for (const size of [20, 500]) {
      const cohort = await createCohort({ versionId, name: `Size ${size}`, startDate: START, timezone: ZONE });
      await addMember(cohort.id, bulkMentor.id, "mentor");
      const { membershipIds } = await createBulkLearners({ cohortId: cohort.id, items, count: size, reviewerId: bulkMentor.id, startDate: START, now: NOW });
      const health = await countQueries(() => loadCohortHealth(viewerOf(bulkMentor), cohort.id, NOW));
      expect(health.result.learners).toBe(size);
      expect(health.result.streaks).toHaveLength(size);
      expect(health.count, health.statements.join("\n\n")).toBeLessThanOrEqual(4);
      const learner = await db.membership.findUniqueOrThrow({ where: { id: membershipIds[0]! }, select: { user: true } });
      const own = await countQueries(() => loadMyProgress(viewerOf(learner.user), cohort.id, NOW));
      expect(own.count, own.statements.join("\n\n")).toBeLessThanOrEqual(2);
      const seen = await countQueries(() => loadLearnerProgress(viewerOf(bulkMentor), cohort.id, membershipIds[0]!, NOW));
      expect(seen.count, seen.statements.join("\n\n")).toBeLessThanOrEqual(3);
      counts.push([health.count, own.count, seen.count]);
    }
    expect(counts[0]).toEqual(counts[1]);
  });
});
