// Someone who joins a cohort after its start begins their own schedule on the day they join (docs/decisions/039):
// through an invite link or a mentor adding them, their roadmap reads "On pace" with nothing due yet, and the matrix
// flags nothing. Joining before the start keeps the cohort's start; someone added back resumes from the day they
// return unless a mentor chose their date.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dateOfDay, type Day } from "@/lib/calendar";
import { today } from "@/lib/calendar-zones";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { loadCohortOverview, loadLearnerDetail } from "@/lib/features/cohort-progress/loaders";
import type { MatrixQuery } from "@/lib/features/cohort-progress/types";
import {
  addCohortMemberAction,
  removeCohortMemberAction,
  restoreCohortMemberAction,
  updateMemberScheduleAction,
} from "@/lib/features/cohorts/actions";
import { acceptInviteAction, joinCohortAction } from "@/lib/features/invites/actions";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { roadmapSummary } from "@/lib/features/progress/utils";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

// Far from UTC on purpose: the join day is the cohort's day, whatever the server's clock says.
const ZONE = "Pacific/Kiritimati";
const ALL: MatrixQuery = { q: "", phase: "", sort: "name", atRisk: false, page: 1 };

let versionId: string;
let sequence = 0;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

const viewerOf = (user: User): Viewer => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });
const todayInCohort = () => today(ZONE);

/** A cohort that started `daysAgo` days ago on its own calendar (negative: it starts in the future), with a mentor. */
async function cohortStarted(daysAgo: number) {
  sequence += 1;
  const startDate = addDays(todayInCohort(), -daysAgo);
  const cohort = await createCohort({ versionId, name: `Late Cohort ${sequence}`, startDate: dateOfDay(startDate), timezone: ZONE });
  const mentor = await createUser({ name: `Late Mentor ${sequence}` });
  await addMember(cohort.id, mentor.id, "mentor");
  return { cohort, mentor, startDate };
}

async function membershipOf(cohortId: string, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const membership = await db.membership.findUniqueOrThrow({ where: { cohortId_userId: { cohortId, userId: user.id } } });
  return { user, membership };
}

const dayOf = (date: Date | null) => (date ? (date.toISOString().slice(0, 10) as Day) : null);

/** What the learner and their mentor see of a learner who just joined: on pace, nothing due, nothing flagged. */
async function expectAFreshStart(learner: User, mentor: User, cohortId: string, membershipId: string) {
  const joinedOn = todayInCohort();
  const roadmap = await asUser(learner, () => loadLearnerRoadmap(viewerOf(learner), cohortId));
  expect(roadmap.startDate).toBe(joinedOn);
  // The roadmap's cards, as the page draws them from its phases.
  const { pace, nextUp } = roadmapSummary(roadmap.phases, roadmap.startDate, roadmap.today);
  expect(pace).toMatchObject({ expected: 0, completed: 0, onPace: true });
  expect(nextUp).not.toBeNull();
  expect(nextUp!.targetDate > joinedOn).toBe(true);
  expect(roadmap.welcome?.firstDue).toBe(nextUp!.targetDate);

  const overview = await asUser(mentor, () => loadCohortOverview(viewerOf(mentor), cohortId, ALL));
  const row = overview.matrix.rows.find((r) => r.membershipId === membershipId)!;
  expect(row.standing).toMatchObject({ due: 0, risks: [] });
  expect(overview.stats.atRisk).toBe(0);
  const detail = await asUser(mentor, () => loadLearnerDetail(viewerOf(mentor), cohortId, membershipId));
  expect(detail.standing.risks).toEqual([]);
}

describe("a learner who joins after the cohort's start", () => {
  it("through an invite link, three weeks in, starts today: on pace, 0 due, next up in the future, not at risk", async () => {
    const { cohort, mentor } = await cohortStarted(21);
    const { token } = await createInvite({ cohortId: cohort.id });
    sequence += 1;
    const email = `late-invitee-${sequence}@example.test`;
    const joined = await acceptInviteAction({ token, name: "Late Invitee", email, password: "a long enough passphrase" });
    expect(joined).toMatchObject({ ok: true, data: { role: "learner", alreadyMember: false } });

    const { user, membership } = await membershipOf(cohort.id, email);
    expect(dayOf(membership.startDate)).toBe(todayInCohort());
    expect(membership.startDateByMentor).toBe(false);
    await expectAFreshStart(user, mentor, cohort.id, membership.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "invite.redeem", cohortId: cohort.id } });
    expect(audit.after).toMatchObject({ startDate: todayInCohort() });
  });

  it("signed in, through \"Join\", gets the same fresh start", async () => {
    const { cohort, mentor } = await cohortStarted(21);
    const { token } = await createInvite({ cohortId: cohort.id });
    const learner = await createUser({ name: "Signed In Late" });
    expect(await asUser(learner, () => joinCohortAction({ token }))).toMatchObject({ ok: true, data: { alreadyMember: false } });
    const { membership } = await membershipOf(cohort.id, learner.email);
    expect(dayOf(membership.startDate)).toBe(todayInCohort());
    await expectAFreshStart(learner, mentor, cohort.id, membership.id);
  });

  it("added by a mentor on the members page, three weeks in, starts today too", async () => {
    const { cohort, mentor } = await cohortStarted(21);
    const learner = await createUser({ name: "Added Late" });
    expect(await asUser(mentor, () => addCohortMemberAction({ cohortId: cohort.id, email: learner.email, role: "learner" }))).toEqual({
      ok: true,
      data: { reactivated: false },
    });
    const { membership } = await membershipOf(cohort.id, learner.email);
    expect(dayOf(membership.startDate)).toBe(todayInCohort());
    await expectAFreshStart(learner, mentor, cohort.id, membership.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "cohort.member_add", targetId: membership.id } });
    expect(audit.after).toMatchObject({ startDate: todayInCohort(), reactivated: false });
  });

  it("a mentor can still set or clear the date afterwards", async () => {
    const { cohort, mentor, startDate } = await cohortStarted(21);
    const learner = await createUser({ name: "Rescheduled Late" });
    await asUser(mentor, () => addCohortMemberAction({ cohortId: cohort.id, email: learner.email, role: "learner" }));
    const { membership } = await membershipOf(cohort.id, learner.email);

    const cleared = await asUser(mentor, () => updateMemberScheduleAction({ membershipId: membership.id, startDate: "", extensionDays: 0 }));
    expect(cleared).toEqual({ ok: true, data: { startDate: null, extensionDays: 0 } });
    expect((await asUser(learner, () => loadLearnerRoadmap(viewerOf(learner), cohort.id))).startDate).toBe(startDate);

    const chosen = addDays(startDate, 7);
    await asUser(mentor, () => updateMemberScheduleAction({ membershipId: membership.id, startDate: chosen, extensionDays: 0 }));
    const after = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect({ startDate: dayOf(after.startDate), startDateByMentor: after.startDateByMentor }).toEqual({ startDate: chosen, startDateByMentor: true });
  });
});

describe("joining on or before the start", () => {
  it("leaves the start date empty, so the cohort's start applies (invite and add-member)", async () => {
    for (const daysAgo of [-14, 0]) {
      const { cohort, mentor, startDate } = await cohortStarted(daysAgo);
      const { token } = await createInvite({ cohortId: cohort.id });
      const invitee = await createUser({ name: "Early Invitee" });
      await asUser(invitee, () => joinCohortAction({ token }));
      const added = await createUser({ name: "Early Added" });
      await asUser(mentor, () => addCohortMemberAction({ cohortId: cohort.id, email: added.email, role: "learner" }));

      for (const learner of [invitee, added]) {
        const { membership } = await membershipOf(cohort.id, learner.email);
        expect(membership.startDate).toBeNull();
        expect((await asUser(learner, () => loadLearnerRoadmap(viewerOf(learner), cohort.id))).startDate).toBe(startDate);
      }
    }
  });

  it("gives a mentor joining late no start date: only learners have a schedule", async () => {
    const { cohort, mentor } = await cohortStarted(21);
    const second = await createUser({ name: "Second Mentor" });
    await asUser(mentor, () => addCohortMemberAction({ cohortId: cohort.id, email: second.email, role: "mentor" }));
    expect((await membershipOf(cohort.id, second.email)).membership.startDate).toBeNull();
  });
});

describe("a learner added back after being removed", () => {
  /** A learner who joined late some days ago, so the date Cairn gave them is in the past; then removed. */
  async function removedLateJoiner(daysSinceJoining: number) {
    const { cohort, mentor } = await cohortStarted(30);
    const learner = await createUser({ name: "Returning Learner" });
    const membership = await addMember(cohort.id, learner.id, "learner");
    const joinedOn = addDays(todayInCohort(), -daysSinceJoining);
    await db.membership.update({ where: { id: membership.id }, data: { startDate: dateOfDay(joinedOn) } });
    expect(await asUser(mentor, () => removeCohortMemberAction({ membershipId: membership.id }))).toMatchObject({ ok: true });
    return { cohort, mentor, learner, membership, joinedOn };
  }

  it("resumes from the day they come back, through \"Add back\", add-member and an invite link", async () => {
    const back = await removedLateJoiner(10);
    await asUser(back.mentor, () => restoreCohortMemberAction({ membershipId: back.membership.id }));
    expect(dayOf((await db.membership.findUniqueOrThrow({ where: { id: back.membership.id } })).startDate)).toBe(todayInCohort());
    await expectAFreshStart(back.learner, back.mentor, back.cohort.id, back.membership.id);

    const added = await removedLateJoiner(10);
    const result = await asUser(added.mentor, () => addCohortMemberAction({ cohortId: added.cohort.id, email: added.learner.email, role: "learner" }));
    expect(result).toEqual({ ok: true, data: { reactivated: true } });
    expect(dayOf((await db.membership.findUniqueOrThrow({ where: { id: added.membership.id } })).startDate)).toBe(todayInCohort());

    const invited = await removedLateJoiner(10);
    const { token } = await createInvite({ cohortId: invited.cohort.id });
    await asUser(invited.learner, () => joinCohortAction({ token }));
    expect(dayOf((await db.membership.findUniqueOrThrow({ where: { id: invited.membership.id } })).startDate)).toBe(todayInCohort());
  });

  it("still resumes from the day they come back when a mentor only changed their extension", async () => {
    const { mentor, learner, membership } = await removedLateJoiner(10);
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: null } });
    const { startDate } = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    await asUser(mentor, () => updateMemberScheduleAction({ membershipId: membership.id, startDate: dayOf(startDate)!, extensionDays: 7 }));
    expect(await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({ extensionDays: 7, startDateByMentor: false });
    await asUser(mentor, () => removeCohortMemberAction({ membershipId: membership.id }));
    await asUser(mentor, () => restoreCohortMemberAction({ membershipId: membership.id }));
    const after = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect({ learner: learner.name, startDate: dayOf(after.startDate) }).toEqual({ learner: learner.name, startDate: todayInCohort() });
  });

  it("keeps a start date a mentor chose, on every way back", async () => {
    for (const way of ["add back", "add member", "invite"] as const) {
      const { cohort, mentor, learner, membership, joinedOn } = await removedLateJoiner(10);
      await db.membership.update({ where: { id: membership.id }, data: { removedAt: null } });
      const chosen = addDays(joinedOn, -3);
      await asUser(mentor, () => updateMemberScheduleAction({ membershipId: membership.id, startDate: chosen, extensionDays: 0 }));
      await asUser(mentor, () => removeCohortMemberAction({ membershipId: membership.id }));

      if (way === "add back") await asUser(mentor, () => restoreCohortMemberAction({ membershipId: membership.id }));
      if (way === "add member") await asUser(mentor, () => addCohortMemberAction({ cohortId: cohort.id, email: learner.email, role: "learner" }));
      if (way === "invite") {
        const { token } = await createInvite({ cohortId: cohort.id });
        await asUser(learner, () => joinCohortAction({ token }));
      }
      const after = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
      expect({ way, removedAt: after.removedAt, startDate: dayOf(after.startDate) }).toEqual({ way, removedAt: null, startDate: chosen });
    }
  });
});
