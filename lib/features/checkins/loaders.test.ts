import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { loadCheckin, loadCheckinsPage } from "@/lib/features/checkins/loaders";
import type { CheckinsPage, CheckinWeek } from "@/lib/features/checkins/types";
import { createCheckinComment } from "@/prisma/factories/checkins";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createCheckin, createSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;
const LINK = [{ url: "https://github.com/example/repo" }];

const viewerOf = (user: { id: string; email: string; name: string; isAdmin?: boolean }): Viewer => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin ?? false,
});

let versionId: string;
let keys: string[];

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  keys = (await db.milestone.findMany({ where: { versionId }, orderBy: [{ phase: { position: "asc" } }, { position: "asc" }], select: { key: true } })).map(
    (m) => m.key,
  );
});

/** A cohort starting Monday 4 January 2027 in `timezone`, with one learner. */
async function learnerIn(timezone: string, startDate = new Date("2027-01-04")) {
  const cohort = await createCohort({ versionId, startDate });
  await db.cohort.update({ where: { id: cohort.id }, data: { timezone } });
  const user = await createUser();
  const membership = await addMember(cohort.id, user.id, "learner");
  return { cohort, user, membership, viewer: viewerOf(user) };
}

/** Every week the page shows, this week included, by Monday. */
function weeksOf(page: CheckinsPage): Map<string, CheckinWeek> {
  return new Map([page.thisWeek, ...(page.lastWeek ? [page.lastWeek] : []), ...page.history].map((week) => [week.weekStart, week]));
}

describe("weekly rule, checked automatically", () => {
  // Wednesday 20 January 2027 in both zones: this week is Jan 18, last week Jan 11.
  const now = new Date("2027-01-20T12:00:00Z");

  it("is met by evidence submitted in the cohort's week, which depends on the cohort's time zone", async () => {
    // Monday 01:00 in Auckland; Sunday 04:00 (the week before the start) in Los Angeles.
    const at = new Date("2027-01-03T12:00:00Z");
    const auckland = await learnerIn("Pacific/Auckland");
    const losAngeles = await learnerIn("America/Los_Angeles");
    await createSubmission({ membershipId: auckland.membership.id, itemKey: keys[0]!, links: LINK, at });
    await createSubmission({ membershipId: losAngeles.membership.id, itemKey: keys[0]!, links: LINK, at });

    const inAuckland = weeksOf(await loadCheckinsPage(auckland.viewer, undefined, now));
    expect(inAuckland.get("2027-01-04")!.rule).toEqual({ met: true, evidence: 1, completed: 0, parts: 0 });
    const inLosAngeles = weeksOf(await loadCheckinsPage(losAngeles.viewer, undefined, now));
    expect(inLosAngeles.get("2027-01-04")!.rule).toEqual({ met: false, evidence: 0, completed: 0, parts: 0 });
  });

  it("counts Sunday night in Los Angeles in the week it ends, while Auckland is already in the next", async () => {
    // Sunday 10 January 23:30 in Los Angeles = Monday 11 January 20:30 in Auckland.
    const at = new Date("2027-01-11T07:30:00Z");
    const auckland = await learnerIn("Pacific/Auckland");
    const losAngeles = await learnerIn("America/Los_Angeles");
    await setProgress(auckland.membership.id, keys[1]!, "done", at);
    await setProgress(losAngeles.membership.id, keys[1]!, "done", at);

    const inAuckland = weeksOf(await loadCheckinsPage(auckland.viewer, undefined, now));
    expect(inAuckland.get("2027-01-04")!.rule.met).toBe(false);
    expect(inAuckland.get("2027-01-11")!.rule).toEqual({ met: true, evidence: 0, completed: 1, parts: 0 });
    const inLosAngeles = weeksOf(await loadCheckinsPage(losAngeles.viewer, undefined, now));
    expect(inLosAngeles.get("2027-01-04")!.rule).toEqual({ met: true, evidence: 0, completed: 1, parts: 0 });
    expect(inLosAngeles.get("2027-01-11")!.rule.met).toBe(false);
  });

  it("ignores withdrawn evidence and milestones that were ticked and un-ticked", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    const submission = await createSubmission({
      membershipId: membership.id,
      itemKey: keys[0]!,
      links: LINK,
      at: new Date("2027-01-05T10:00:00Z"),
    });
    await db.submission.update({ where: { id: submission.id }, data: { status: "withdrawn", withdrawnAt: new Date() } });
    await setProgress(membership.id, keys[1]!, "done", new Date("2027-01-06T10:00:00Z"));
    await setProgress(membership.id, keys[1]!, "in_progress");

    const page = await loadCheckinsPage(viewer, undefined, now);
    expect(weeksOf(page).get("2027-01-04")!.rule).toEqual({ met: false, evidence: 0, completed: 0, parts: 0 });
  });

  it("counts approved and recorded evidence, and every evidence and completion in the week", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    await createSubmission({ membershipId: membership.id, itemKey: keys[0]!, links: LINK, at: new Date("2027-01-11T09:00:00Z") });
    const recorded = await createSubmission({ membershipId: membership.id, itemKey: keys[2]!, links: LINK, at: new Date("2027-01-17T23:00:00Z") });
    await db.submission.update({ where: { id: recorded.id }, data: { status: "recorded" } });
    await setProgress(membership.id, keys[3]!, "done", new Date("2027-01-12T09:00:00Z"));

    const page = await loadCheckinsPage(viewer, undefined, now);
    expect(weeksOf(page).get("2027-01-11")!.rule).toEqual({ met: true, evidence: 2, completed: 1, parts: 0 });
  });

  it("reports how many parts of the weekly rule the week's check-in covers; they do not decide whether it was met", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    await createCheckin({
      membershipId: membership.id,
      weekStart: new Date("2027-01-04"),
      notes: { learned: "Read about drift.", built: "A drift report.", tested: "   ", documented: "README", reflection: "Good week." },
    });
    await createCheckin({ membershipId: membership.id, weekStart: new Date("2027-01-11"), notes: { learned: "x", built: "y", tested: "z", documented: "d", reviewed: "r" } });
    await setProgress(membership.id, keys[0]!, "done", new Date("2027-01-12T09:00:00Z"));

    const weeks = weeksOf(await loadCheckinsPage(viewer, undefined, now));
    expect(weeks.get("2027-01-04")!.rule).toEqual({ met: false, evidence: 0, completed: 0, parts: 3 });
    expect(weeks.get("2027-01-11")!.rule).toEqual({ met: true, evidence: 0, completed: 1, parts: 5 });
  });
});

describe("history and streak", () => {
  it("lists past weeks since the learner's start, newest first, with plan, close-out, hours and comments", async () => {
    const { membership, viewer, cohort } = await learnerIn("Europe/Berlin");
    const mentor = await createUser({ name: "Morgan Mentor" });
    await addMember(cohort.id, mentor.id, "mentor");
    const closed = await createCheckin({
      membershipId: membership.id,
      weekStart: new Date("2027-01-04"),
      plannedKeys: [keys[0]!, keys[1]!],
      plannedHours: 9,
      notes: { learned: "Feature stores", blockers: "GPU quota" },
    });
    await createCheckinComment({ checkinId: closed.id, authorId: mentor.id, body: "Ask for more quota early." });
    await createCheckinComment({ checkinId: closed.id, authorId: viewer.id, body: "Will do." });

    const page = await loadCheckinsPage(viewer, undefined, new Date("2027-01-27T12:00:00Z"));
    expect(page.thisWeek.weekStart).toBe("2027-01-25");
    // Last week (Jan 18) has no close-out yet, so it waits above the history.
    expect(page.lastWeek?.weekStart).toBe("2027-01-18");
    expect(page.history.map((week) => week.weekStart)).toEqual(["2027-01-11", "2027-01-04"]);
    const [, first] = page.history;
    expect(first!.editable).toBe(false);
    expect(first!.checkin).toMatchObject({
      plannedHours: 9,
      actualHours: 9,
      plannedMilestones: [{ key: keys[0] }, { key: keys[1] }],
      closeOut: { learned: "Feature stores", blockers: "GPU quota", built: "" },
    });
    expect(first!.checkin!.comments.map((c) => [c.authorName, c.authorRole, c.mine, c.body])).toEqual([
      ["Morgan Mentor", "mentor", false, "Ask for more quota early."],
      [viewer.name, "learner", true, "Will do."],
    ]);
    expect(page.weeklyRule[0]).toMatch(/learn/i);
    expect(page.weeksPast).toBe(3);
  });

  it("moves last week into the history once it is closed out, still editable", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    await createCheckin({ membershipId: membership.id, weekStart: new Date("2027-01-11") });
    const page = await loadCheckinsPage(viewer, undefined, new Date("2027-01-20T12:00:00Z"));
    expect(page.lastWeek).toBeNull();
    expect(page.history[0]).toMatchObject({ weekStart: "2027-01-11", editable: true });
  });

  it("offers only milestones that are not complete, grouped by phase", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    await setProgress(membership.id, keys[0]!, "done", new Date("2027-01-05T10:00:00Z"));
    const page = await loadCheckinsPage(viewer, undefined, new Date("2027-01-06T12:00:00Z"));
    const offered = page.plannable.flatMap((phase) => phase.milestones.map((m) => m.key));
    expect(offered).not.toContain(keys[0]);
    expect(offered).toContain(keys[1]);
    expect(page.plannable.length).toBeGreaterThan(1);
  });

  it("counts the streak back from the last complete week, adding this week once met", async () => {
    const { membership, viewer } = await learnerIn("Pacific/Auckland");
    const now = new Date("2027-02-03T00:00:00Z"); // Wednesday 3 February 13:00 in Auckland; weeks Jan 4 … Feb 1
    // Met: Jan 11 (evidence), Jan 18 (completion), Jan 25 (evidence); missed: Jan 4.
    await createSubmission({ membershipId: membership.id, itemKey: keys[0]!, links: LINK, at: new Date("2027-01-12T00:00:00Z") });
    await setProgress(membership.id, keys[1]!, "done", new Date("2027-01-19T00:00:00Z"));
    await createSubmission({ membershipId: membership.id, itemKey: keys[2]!, links: LINK, at: new Date("2027-01-26T00:00:00Z") });

    const before = await loadCheckinsPage(viewer, undefined, now);
    expect(before.streak).toBe(3);
    expect(before.thisWeek.rule.met).toBe(false);
    expect([before.weeksMet, before.weeksPast]).toEqual([3, 4]);

    await setProgress(membership.id, keys[3]!, "done", new Date("2027-02-01T20:00:00Z"));
    const after = await loadCheckinsPage(viewer, undefined, now);
    expect(after.streak).toBe(4);
  });

  it("uses the learner's own start date over the cohort's", async () => {
    const { membership, viewer } = await learnerIn("UTC");
    await db.membership.update({ where: { id: membership.id }, data: { startDate: new Date("2027-01-13") } });
    const page = await loadCheckinsPage(viewer, undefined, new Date("2027-01-27T12:00:00Z"));
    expect(page.firstWeek).toBe("2027-01-11");
    expect(page.weeksPast).toBe(2);
  });
});

describe("check-ins page: scope and cost", () => {
  async function learnerWithWeeks(weeks: number, cohortMates: number) {
    const start = new Date(Date.UTC(2027, 0, 4));
    const { cohort, membership, viewer } = await learnerIn("Pacific/Auckland", start);
    const mentor = await createUser();
    await addMember(cohort.id, mentor.id, "mentor");
    for (let i = 0; i < cohortMates; i += 1) {
      const mate = await createUser();
      const mateMembership = await addMember(cohort.id, mate.id, "learner");
      await createCheckin({ membershipId: mateMembership.id, weekStart: start });
    }
    for (let week = 0; week < weeks; week += 1) {
      const weekStart = new Date(start.getTime() + week * 7 * 24 * 3600 * 1000);
      const checkin = await createCheckin({ membershipId: membership.id, weekStart, plannedKeys: [keys[week]!] });
      await createCheckinComment({ checkinId: checkin.id, authorId: mentor.id });
      await createSubmission({
        membershipId: membership.id,
        itemKey: keys[week]!,
        links: LINK,
        at: new Date(weekStart.getTime() + 2 * 24 * 3600 * 1000),
      });
    }
    const now = new Date(start.getTime() + (weeks * 7 + 2) * 24 * 3600 * 1000);
    return { viewer, cohort, now };
  }

  it("costs the same number of SQL statements for 2 and 12 weeks of history (at most 6)", async () => {
    const small = await learnerWithWeeks(2, 1);
    const large = await learnerWithWeeks(12, 8);
    const smallRun = await countQueries(() => loadCheckinsPage(small.viewer, small.cohort.id, small.now));
    const largeRun = await countQueries(() => loadCheckinsPage(large.viewer, large.cohort.id, large.now));
    expect(smallRun.result.weeksPast).toBe(2);
    expect(largeRun.result.weeksPast).toBe(12);
    expect(largeRun.result.streak).toBe(12);
    expect(largeRun.count).toBe(smallRun.count);
    expect(smallRun.count).toBeLessThanOrEqual(6);
  });

  it("answers another learner's cohort, a malformed id and a random id alike: 404", async () => {
    const mine = await learnerIn("UTC");
    const other = await learnerIn("UTC");
    await expect(loadCheckinsPage(mine.viewer, other.cohort.id)).rejects.toThrow(NOT_FOUND);
    await expect(loadCheckinsPage(mine.viewer, "not-a-uuid")).rejects.toThrow(NOT_FOUND);
    await expect(loadCheckinsPage(mine.viewer, crypto.randomUUID())).rejects.toThrow(NOT_FOUND);
    const outsider = await createUser();
    await expect(loadCheckinsPage(viewerOf(outsider))).rejects.toThrow(NOT_FOUND);
  });

  it("reads one check-in by id only for its learner, its cohort's mentors and admins", async () => {
    const x1 = await learnerIn("UTC");
    const mentorX = await createUser();
    await addMember(x1.cohort.id, mentorX.id, "mentor");
    const x2User = await createUser();
    await addMember(x1.cohort.id, x2User.id, "learner");
    const y1 = await learnerIn("UTC");
    const mentorY = await createUser();
    await addMember(y1.cohort.id, mentorY.id, "mentor");
    const admin = await createUser({ isAdmin: true });
    const checkin = await createCheckin({ membershipId: x1.membership.id, weekStart: new Date("2027-01-04") });

    expect((await loadCheckin(x1.viewer, checkin.id)).checkin.id).toBe(checkin.id);
    expect((await loadCheckin(viewerOf(mentorX), checkin.id)).learnerName).toBe(x1.user.name);
    expect((await loadCheckin(viewerOf(admin), checkin.id)).checkin.id).toBe(checkin.id);
    for (const intruder of [viewerOf(x2User), viewerOf(mentorY), y1.viewer]) {
      await expect(loadCheckin(intruder, checkin.id)).rejects.toThrow(NOT_FOUND);
    }
    await expect(loadCheckin(x1.viewer, crypto.randomUUID())).rejects.toThrow(NOT_FOUND);
    await expect(loadCheckin(x1.viewer, "1 OR 1=1")).rejects.toThrow(NOT_FOUND);

    // A removed mentor loses access on the next request.
    await db.membership.updateMany({ where: { cohortId: x1.cohort.id, userId: mentorX.id }, data: { removedAt: new Date() } });
    await expect(loadCheckin(viewerOf(mentorX), checkin.id)).rejects.toThrow(NOT_FOUND);
  });

  it("never puts emails or password hashes in the learner's payload", async () => {
    const { cohort, membership, viewer } = await learnerIn("UTC");
    const mentor = await createUser({ email: "mentor-secret@example.test" });
    await addMember(cohort.id, mentor.id, "mentor");
    const mate = await createUser({ email: "mate-secret@example.test" });
    const mateMembership = await addMember(cohort.id, mate.id, "learner");
    await createCheckin({ membershipId: mateMembership.id, weekStart: new Date("2027-01-04"), notes: { learned: "mate's private week" } });
    const checkin = await createCheckin({ membershipId: membership.id, weekStart: new Date("2027-01-04") });
    await createCheckinComment({ checkinId: checkin.id, authorId: mentor.id });

    const payload = JSON.stringify(await loadCheckinsPage(viewer, undefined, new Date("2027-01-20T12:00:00Z")));
    const detail = JSON.stringify(await loadCheckin(viewer, checkin.id));
    for (const text of [payload, detail]) {
      expect(text).toContain(mentor.name);
      expect(text).not.toContain("mentor-secret@example.test");
      expect(text).not.toContain("mate-secret@example.test");
      expect(text).not.toContain("mate's private week");
      expect(text).not.toContain("$argon2");
      expect(text).not.toMatch(/passwordHash/);
    }
  });
});
