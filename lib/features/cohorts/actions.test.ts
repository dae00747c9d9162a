// Cohort management as shipped: real server actions and loaders run as a signed-in person through
// asUser (the session still goes through the database), against a real PostgreSQL.
// docs/security.md fixture world: mentorX, learnerX1, learnerX2 in X; mentorY, learnerY1 in Y; dual mentors X
// and learns in Y; admin mentors nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import {
  addCohortMemberAction,
  createCohortAction,
  moveCohortVersionAction,
  previewVersionMoveAction,
  removeCohortMemberAction,
  restoreCohortMemberAction,
  updateCohortSettingsAction,
  updateMemberScheduleAction,
} from "@/lib/features/cohorts/actions";
import { getCohortAccess, getLearnerMembership } from "@/lib/auth/access";
import {
  loadAdminCohorts,
  loadCohortMembersPage,
  loadCohortSettingsPage,
  loadNewCohortForm,
} from "@/lib/features/cohorts/loaders";
import { SETTINGS_CONFLICT_MESSAGE } from "@/lib/features/cohorts/constants";
import { createInviteAction, revokeInviteAction } from "@/lib/features/invites/actions";
import { getLearnerRoadmap } from "@/lib/features/progress/data";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { addComment, createSubmission, decideSubmission, setProgress } from "@/prisma/factories/progress";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld, type World } from "@/prisma/factories/world";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { asUser } from "@/test/as-viewer";

const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let draftVersionId: string;
let keys: string[];
let world: World;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
  const document = await readDefaultRoadmap();
  ({ versionId: draftVersionId } = await importRoadmapDocument(document, { status: "draft" }));
  keys = document.phases.flatMap((phase) => phase.milestones.map((milestone) => milestone.key));
  world = await createWorld({ versionId });
});

function newCohortInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Spring Cohort 2027",
    versionId,
    startDate: "2027-03-01",
    endDate: "2027-09-30",
    weeksPerPhase: "3",
    reviewTargetHours: "",
    timezone: "Europe/Berlin",
    mentorEmails: [world.mentorX.email],
    ...overrides,
  };
}

async function settingsOf(cohortId: string) {
  return (await asUser(world.admin, () => loadCohortSettingsPage(world.admin, cohortId))).settings;
}

function settingsInput(cohortId: string, lockVersion: number, overrides: Record<string, unknown> = {}) {
  return {
    cohortId,
    lockVersion,
    name: "Renamed",
    startDate: "2027-01-04",
    endDate: "",
    weeksPerPhase: "3",
    reviewTargetHours: "48",
    timezone: "America/New_York",
    inactivityDays: "10",
    behindPaceBy: "3",
    changesRequestedDays: "6",
    phaseSlippedDays: "10",
    ...overrides,
  };
}

describe("creating a cohort (admin)", () => {
  it("creates the cohort with its mentors, notifies them and writes an audit event", async () => {
    const result = await asUser(world.admin, () => createCohortAction(newCohortInput()));
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    const cohort = await db.cohort.findUniqueOrThrow({ where: { id } });
    expect(cohort).toMatchObject({
      name: "Spring Cohort 2027",
      versionId,
      weeksPerPhase: 3,
      reviewTargetHours: 72,
      timezone: "Europe/Berlin",
    });
    expect(cohort.startDate.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(cohort.endDate?.toISOString().slice(0, 10)).toBe("2027-09-30");
    expect(await db.membership.findMany({ where: { cohortId: id }, select: { userId: true, role: true } })).toEqual([
      { userId: world.mentorX.id, role: "mentor" },
    ]);
    expect(await getCohortAccess(world.mentorX, id)).toMatchObject({ as: "mentor" });
    expect(await db.notification.count({ where: { userId: world.mentorX.id, title: "You now mentor Spring Cohort 2027" } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "cohort.create", targetId: id } })).toMatchObject({
      actorId: world.admin.id,
      cohortId: id,
    });
    const list = await asUser(world.admin, () => loadAdminCohorts(world.admin));
    expect(list.find((row) => row.id === id)).toMatchObject({ mentors: ["Mentor X"], learners: 0, versionNumber: 1 });
  });

  it("refuses bad input next to the field and creates nothing", async () => {
    const before = await db.cohort.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ mentorEmails: ["nobody@example.test"] }, "mentorEmails"],
      [{ versionId: draftVersionId }, "versionId"],
      [{ endDate: "2027-02-01" }, "endDate"],
      [{ timezone: "Mars/Olympus_Mons" }, "timezone"],
      [{ name: "   " }, "name"],
      [{ weeksPerPhase: "0" }, "weeksPerPhase"],
      [{ startDate: "2027-02-30" }, "startDate"],
    ];
    for (const [overrides, field] of cases) {
      const result = await asUser(world.admin, () => createCohortAction(newCohortInput(overrides)));
      expect(result, field).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors), field).toContain(field);
    }
    expect(await db.cohort.count()).toBe(before);
  });

  it("stores a time zone in the spelling Intl resolves", async () => {
    const result = await asUser(world.admin, () => createCohortAction(newCohortInput({ timezone: "utc", mentorEmails: [] })));
    const id = (result as { data: { id: string } }).data.id;
    expect((await db.cohort.findUniqueOrThrow({ where: { id } })).timezone).toBe("UTC");
  });

  it("refuses a learner or mentor replaying the admin action, and an admin demoted a moment ago (docs/security.md #5, #6)", async () => {
    const before = await db.cohort.count();
    for (const user of [world.learnerX1, world.mentorX]) {
      expect(await asUser(user, () => createCohortAction(newCohortInput()))).toMatchObject({ ok: false, code: "NOT_FOUND" });
      await expect(asUser(user, () => loadAdminCohorts({ ...user, isAdmin: false }))).rejects.toThrow(NOT_FOUND);
      await expect(asUser(user, () => loadNewCohortForm({ ...user, isAdmin: false }))).rejects.toThrow(NOT_FOUND);
    }
    const demoted = await createUser({ isAdmin: true });
    await db.user.update({ where: { id: demoted.id }, data: { isAdmin: false } });
    expect(await asUser(demoted, () => createCohortAction(newCohortInput()))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.cohort.count()).toBe(before);
  });
});

describe("cohort settings", () => {
  it("saves as the cohort's mentor, bumps the version and audits only what changed", async () => {
    const cohort = await createCohort({ versionId, name: "Settings A" });
    await addMember(cohort.id, world.mentorX.id, "mentor");
    const result = await asUser(world.mentorX, () =>
      updateCohortSettingsAction(settingsInput(cohort.id, 0, { name: "Settings A", startDate: "2027-01-04" })),
    );
    const saved = { weeksPerPhase: 3, reviewTargetHours: 48, timezone: "America/New_York", inactivityDays: 10, behindPaceBy: 3 };
    const thresholds = { changesRequestedDays: 6, phaseSlippedDays: 10 };
    expect(result).toMatchObject({ ok: true, data: { name: "Settings A", ...saved, ...thresholds, lockVersion: 1 } });
    expect(await settingsOf(cohort.id)).toMatchObject({ weeksPerPhase: 3, lockVersion: 1, endDate: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "cohort.update", targetId: cohort.id } });
    expect(audit.actorId).toBe(world.mentorX.id);
    const defaults = { weeksPerPhase: 2, reviewTargetHours: 72, timezone: "UTC", inactivityDays: 7, behindPaceBy: 2 };
    expect(audit.before).toEqual({ ...defaults, changesRequestedDays: 5, phaseSlippedDays: 7 });
    expect(audit.after).toEqual({ ...saved, ...thresholds });
  });

  it("refuses a stale save with the current values and a clear message; nothing is overwritten", async () => {
    const cohort = await createCohort({ versionId, name: "Settings B" });
    await addMember(cohort.id, world.mentorX.id, "mentor");
    // Two mentors open the form at lockVersion 0; the first one saves.
    await asUser(world.mentorX, () => updateCohortSettingsAction(settingsInput(cohort.id, 0, { name: "First save" })));
    const stale = await asUser(world.admin, () =>
      updateCohortSettingsAction(settingsInput(cohort.id, 0, { name: "Second save", weeksPerPhase: 5 })),
    );
    expect(stale).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: SETTINGS_CONFLICT_MESSAGE,
      current: { name: "First save", weeksPerPhase: 3, lockVersion: 1 },
    });
    expect(await settingsOf(cohort.id)).toMatchObject({ name: "First save", weeksPerPhase: 3, lockVersion: 1 });
    expect(await db.auditEvent.count({ where: { action: "cohort.update", targetId: cohort.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const cohort = await createCohort({ versionId, name: "Settings C" });
    const results = await Promise.all(
      ["One", "Two", "Three"].map((name) => asUser(world.admin, () => updateCohortSettingsAction(settingsInput(cohort.id, 0, { name })))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.code === "CONFLICT")).toHaveLength(2);
    expect((await settingsOf(cohort.id)).lockVersion).toBe(1);
  });

  it("shows field errors for out-of-range pacing", async () => {
    const result = await asUser(world.admin, () =>
      updateCohortSettingsAction(settingsInput(world.x.id, 0, { weeksPerPhase: "", inactivityDays: "0", reviewTargetHours: "1.5", behindPaceBy: "0" })),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(["behindPaceBy", "inactivityDays", "reviewTargetHours", "weeksPerPhase"]);
  });

  it("refuses at-risk thresholds out of range or missing with a clear message, and writes nothing", async () => {
    const cohort = await createCohort({ versionId, name: "Settings thresholds" });
    const result = await asUser(world.admin, () =>
      updateCohortSettingsAction(settingsInput(cohort.id, 0, { changesRequestedDays: "0", phaseSlippedDays: "91" })),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: {
        changesRequestedDays: ["Enter the days changes may wait for a new attempt as a whole number from 1 to 90."],
        phaseSlippedDays: ["Enter the days a phase may run past its target date as a whole number from 1 to 90."],
      },
    });
    const missing = await asUser(world.admin, () =>
      updateCohortSettingsAction(settingsInput(cohort.id, 0, { changesRequestedDays: undefined, phaseSlippedDays: "7.5" })),
    );
    expect(Object.keys((missing as { fieldErrors: object }).fieldErrors).sort()).toEqual(["changesRequestedDays", "phaseSlippedDays"]);
    expect(await settingsOf(cohort.id)).toMatchObject({ changesRequestedDays: 5, phaseSlippedDays: 7, lockVersion: 0 });
    expect(await db.auditEvent.count({ where: { action: "cohort.update", targetId: cohort.id } })).toBe(0);
  });
});

describe("members", () => {
  it("adds an existing account by email, notifies them, and refuses a duplicate", async () => {
    const cohort = await createCohort({ versionId, name: "Members A" });
    await addMember(cohort.id, world.mentorX.id, "mentor");
    const newcomer = await createUser({ name: "Newcomer", email: "newcomer@example.test" });
    const added = await asUser(world.mentorX, () =>
      addCohortMemberAction({ cohortId: cohort.id, email: "  NewComer@Example.test ", role: "learner" }),
    );
    expect(added).toEqual({ ok: true, data: { reactivated: false } });
    expect(await getLearnerMembership(newcomer.id, cohort.id)).toMatchObject({ cohortName: "Members A" });
    expect(await db.notification.findFirst({ where: { userId: newcomer.id } })).toMatchObject({
      title: "You were added to Members A as a learner",
      href: `/roadmap?cohort=${cohort.id}`,
    });
    expect(await db.auditEvent.count({ where: { action: "cohort.member_add", cohortId: cohort.id } })).toBe(1);
    const again = await asUser(world.mentorX, () => addCohortMemberAction({ cohortId: cohort.id, email: newcomer.email, role: "mentor" }));
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", error: "Newcomer is already a learner in this cohort." });
    const unknown = await asUser(world.mentorX, () =>
      addCohortMemberAction({ cohortId: cohort.id, email: "ghost@example.test", role: "learner" }),
    );
    expect(unknown).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { email: [expect.stringContaining("invite link")] } });
    expect(await db.membership.count({ where: { cohortId: cohort.id } })).toBe(2);
  });

  it("removing a learner keeps their work; adding them back shows it again", async () => {
    const cohort = await createCohort({ versionId, name: "Members B" });
    await addMember(cohort.id, world.mentorX.id, "mentor");
    const learner = await createUser({ name: "Returning Learner" });
    const membership = await addMember(cohort.id, learner.id, "learner");
    await setProgress(membership.id, keys[0]!, "done");
    const submission = await createSubmission({ membershipId: membership.id, itemKey: keys[1]!, links: [{ url: "https://github.com/a/b" }] });
    await decideSubmission({ submissionId: submission.id, reviewerId: world.mentorX.id, decision: "approve" });
    await addComment({ membershipId: membership.id, itemKey: keys[1]!, authorId: learner.id, body: "Done, I think." });

    expect(await asUser(world.mentorX, () => removeCohortMemberAction({ membershipId: membership.id }))).toEqual({ ok: true, data: undefined });
    const removed = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(removed.removedAt).toBeInstanceOf(Date);
    expect(await db.progress.count({ where: { membershipId: membership.id } })).toBe(2);
    expect(await db.submission.count({ where: { progress: { membershipId: membership.id } } })).toBe(1);
    expect(await db.review.count({ where: { submissionId: submission.id } })).toBe(1);
    expect(await db.comment.count({ where: { membershipId: membership.id } })).toBe(1);
    // The learner loses the cohort on their very next request.
    await expect(asUser(learner, () => loadLearnerRoadmap(learner, cohort.id))).rejects.toThrow(NOT_FOUND);
    const page = await asUser(world.mentorX, () => loadCohortMembersPage(world.mentorX, cohort.id));
    expect(page.learners).toEqual([]);
    expect(page.removed.map((row) => row.name)).toEqual(["Returning Learner"]);
    expect(await asUser(world.mentorX, () => removeCohortMemberAction({ membershipId: membership.id }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });

    // Re-adding by email clears removedAt on the same membership, so the same work is attached.
    const readded = await asUser(world.mentorX, () => addCohortMemberAction({ cohortId: cohort.id, email: learner.email, role: "learner" }));
    expect(readded).toEqual({ ok: true, data: { reactivated: true } });
    const back = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(back.removedAt).toBeNull();
    const roadmap = await getLearnerRoadmap((await getLearnerMembership(learner.id, cohort.id))!);
    const statuses = new Map(roadmap.phases.flatMap((phase) => phase.milestones.map((m) => [m.key, m.status])));
    expect(statuses.get(keys[0]!)).toBe("done");
    expect(statuses.get(keys[1]!)).toBe("approved");

    // "Add back" from the removed list does the same.
    await asUser(world.mentorX, () => removeCohortMemberAction({ membershipId: membership.id }));
    expect(await asUser(world.mentorX, () => restoreCohortMemberAction({ membershipId: membership.id }))).toEqual({ ok: true, data: undefined });
    expect(await getLearnerMembership(learner.id, cohort.id)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { cohortId: cohort.id, action: "cohort.member_remove" } })).toBe(2);
  });

  it("sets a learner's own start date and deadline extension, which move their target dates", async () => {
    const cohort = await createCohort({ versionId, name: "Members C", startDate: new Date("2027-01-04") });
    await addMember(cohort.id, world.mentorX.id, "mentor");
    const learner = await createUser();
    const membership = await addMember(cohort.id, learner.id, "learner");
    const before = await getLearnerRoadmap((await getLearnerMembership(learner.id, cohort.id))!);

    const extended = await asUser(world.mentorX, () =>
      updateMemberScheduleAction({ membershipId: membership.id, startDate: "", extensionDays: "7" }),
    );
    expect(extended).toEqual({ ok: true, data: { startDate: null, extensionDays: 7 } });
    const after = await getLearnerRoadmap((await getLearnerMembership(learner.id, cohort.id))!);
    const shift = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(after.phases[0]!.targetDate).toBe(shift(before.phases[0]!.targetDate));
    expect(await db.auditEvent.findFirst({ where: { action: "cohort.member_schedule", targetId: membership.id } })).toMatchObject({
      before: { startDate: null, extensionDays: 0 },
      after: { startDate: null, extensionDays: 7 },
    });

    await asUser(world.mentorX, () => updateMemberScheduleAction({ membershipId: membership.id, startDate: "2027-02-01", extensionDays: 0 }));
    expect(await getLearnerMembership(learner.id, cohort.id)).toMatchObject({ startDate: new Date("2027-02-01T00:00:00Z"), extensionDays: 0 });
    const page = await asUser(world.mentorX, () => loadCohortMembersPage(world.mentorX, cohort.id));
    expect(page.learners[0]).toMatchObject({ startDate: "2027-02-01", effectiveStartDate: "2027-02-01", extensionDays: 0 });

    expect(await asUser(world.mentorX, () => updateMemberScheduleAction({ membershipId: membership.id, extensionDays: "-1" }))).toMatchObject({
      ok: false,
      fieldErrors: { extensionDays: [expect.any(String)] },
    });
    const mentorRow = await db.membership.findFirstOrThrow({ where: { cohortId: cohort.id, role: "mentor" } });
    expect(await asUser(world.admin, () => updateMemberScheduleAction({ membershipId: mentorRow.id, extensionDays: 3 }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
  });

  it("a mentor cannot remove themselves; an admin can remove a mentor", async () => {
    const cohort = await createCohort({ versionId, name: "Members D" });
    const mentor = await createUser();
    const membership = await addMember(cohort.id, mentor.id, "mentor");
    expect(await asUser(mentor, () => removeCohortMemberAction({ membershipId: membership.id }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    expect(await asUser(world.admin, () => removeCohortMemberAction({ membershipId: membership.id }))).toMatchObject({ ok: true });
  });
});

describe("query counts", () => {
  it("the members and settings pages cost the same number of statements for 2 or 40 learners", async () => {
    const small = await createCohort({ versionId, name: "Small" });
    const large = await createCohort({ versionId, name: "Large" });
    const people = await Promise.all(Array.from({ length: 40 }, () => createUser()));
    for (const [index, person] of people.entries()) {
      await addMember(index < 2 ? small.id : large.id, person.id, "learner");
      if (index % 5 === 0) await createInvite({ cohortId: index < 2 ? small.id : large.id });
    }
    const cost = async (cohortId: string) => ({
      members: (await countQueries(() => asUser(world.admin, () => loadCohortMembersPage(world.admin, cohortId)))).count,
      settings: (await countQueries(() => asUser(world.admin, () => loadCohortSettingsPage(world.admin, cohortId)))).count,
    });
    const [a, b] = [await cost(small.id), await cost(large.id)];
    expect(b).toEqual(a);
    expect(a.members).toBeLessThanOrEqual(5);
    expect(a.settings).toBeLessThanOrEqual(5);
  });
});

describe("docs/security.md #5: removing a mentor takes effect on their next request", () => {
  it("refuses the removed mentor's very next loader and action calls", async () => {
    const cohort = await createCohort({ versionId, name: "Revocation" });
    const mentor = await createUser();
    const membership = await addMember(cohort.id, mentor.id, "mentor");
    const page = await asUser(mentor, () => loadCohortSettingsPage(mentor, cohort.id));
    expect(page.as).toBe("mentor");

    await asUser(world.admin, () => removeCohortMemberAction({ membershipId: membership.id }));

    await expect(asUser(mentor, () => loadCohortSettingsPage(mentor, cohort.id))).rejects.toThrow(NOT_FOUND);
    await expect(asUser(mentor, () => loadCohortMembersPage(mentor, cohort.id))).rejects.toThrow(NOT_FOUND);
    expect(
      await asUser(mentor, () => updateCohortSettingsAction(settingsInput(cohort.id, page.settings.lockVersion))),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await asUser(mentor, () => createInviteAction({ cohortId: cohort.id, role: "learner", expiresInDays: 7, maxUses: 1 }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});

describe("docs/security.md #3: other cohorts' mentors, learners and dual roles see nothing", () => {
  async function everyAction(target: { cohortId: string; membershipId: string; inviteId: string; lockVersion: number }) {
    const { cohortId, membershipId, inviteId, lockVersion } = target;
    return <Record<string, () => Promise<unknown>>>{
      settings: () => updateCohortSettingsAction(settingsInput(cohortId, lockVersion)),
      add: () => addCohortMemberAction({ cohortId, email: world.learnerY1.email, role: "learner" }),
      remove: () => removeCohortMemberAction({ membershipId }),
      restore: () => restoreCohortMemberAction({ membershipId }),
      schedule: () => updateMemberScheduleAction({ membershipId, extensionDays: 30 }),
      invite: () => createInviteAction({ cohortId, role: "mentor", expiresInDays: 7, maxUses: 5 }),
      revoke: () => revokeInviteAction({ inviteId }),
      preview: () => previewVersionMoveAction({ cohortId, versionId: draftVersionId }),
      move: () => moveCohortVersionAction({ cohortId, fromVersionId: versionId, versionId: draftVersionId }),
    };
  }

  it("answers every action on cohort X like a random id, for mentorY, learners of X and Y, and dual on Y", async () => {
    const { invite } = await createInvite({ cohortId: world.x.id });
    const { invite: inviteY } = await createInvite({ cohortId: world.y.id });
    const yLearnerMembership = world.memberships.y1;
    const xTarget = { cohortId: world.x.id, membershipId: world.memberships.x1.id, inviteId: invite.id, lockVersion: 0 };
    const yTarget = { cohortId: world.y.id, membershipId: yLearnerMembership.id, inviteId: inviteY.id, lockVersion: 0 };
    const random = { cohortId: crypto.randomUUID(), membershipId: crypto.randomUUID(), inviteId: crypto.randomUUID(), lockVersion: 0 };
    const snapshot = async () => ({
      cohorts: await db.cohort.findMany({ orderBy: { id: "asc" } }),
      memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
      invites: await db.invite.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();

    const cases: [User, typeof xTarget][] = [
      [world.mentorY, xTarget],
      [world.learnerX1, xTarget],
      [world.learnerY1, xTarget],
      [world.dual, yTarget],
    ];
    for (const [user, target] of cases) {
      const actions = await everyAction(target);
      const randomActions = await everyAction(random);
      for (const [name, action] of Object.entries(actions)) {
        const result = await asUser(user, action);
        const randomResult = await asUser(user, randomActions[name]!);
        expect(result, `${user.name} → ${name}`).toMatchObject({ ok: false, code: "NOT_FOUND" });
        expect(result, `${user.name} → ${name}`).toEqual(randomResult);
      }
      await expect(asUser(user, () => loadCohortSettingsPage(user, target.cohortId))).rejects.toThrow(NOT_FOUND);
      await expect(asUser(user, () => loadCohortMembersPage(user, target.cohortId))).rejects.toThrow(NOT_FOUND);
    }
    await expect(asUser(world.mentorY, () => loadCohortSettingsPage(world.mentorY, "not-a-uuid"))).rejects.toThrow(NOT_FOUND);
    expect(await snapshot()).toEqual(before);
  });

  it("does not let a mentor of Y reach X's members by sending Y's cohort id along", async () => {
    const before = await db.membership.findUniqueOrThrow({ where: { id: world.memberships.x1.id } });
    for (const action of [removeCohortMemberAction, restoreCohortMemberAction]) {
      const result = await asUser(world.mentorY, () => action({ membershipId: world.memberships.x1.id, cohortId: world.y.id }));
      expect(result).toMatchObject({ ok: false });
    }
    const schedule = await asUser(world.mentorY, () =>
      updateMemberScheduleAction({ membershipId: world.memberships.x1.id, cohortId: world.y.id, extensionDays: 30 }),
    );
    expect(schedule).toMatchObject({ ok: false });
    expect(await db.membership.findUniqueOrThrow({ where: { id: world.memberships.x1.id } })).toEqual(before);
  });

  it("still works for X's own mentor, dual (mentor of X) and the admin", async () => {
    for (const user of [world.mentorX, world.dual, world.admin]) {
      const page = await asUser(user, () => loadCohortMembersPage(user, world.x.id));
      expect(page.learners.map((row) => row.name).sort()).toEqual(["Learner X1", "Learner X2"]);
      expect(page.as).toBe(user === world.admin ? "admin" : "mentor");
    }
  });
});

describe("docs/security.md #7: extra fields are rejected", () => {
  it.each([
    ["status", { status: "approved" }],
    ["reviewerId", { reviewerId: crypto.randomUUID() }],
    ["learnerId", { learnerId: crypto.randomUUID() }],
    ["createdAt", { createdAt: "2020-01-01" }],
  ])("rejects an extra %s field on every action and changes nothing", async (_, extra) => {
    const { invite } = await createInvite({ cohortId: world.x.id });
    const before = await db.membership.count();
    const calls: (() => Promise<unknown>)[] = [
      () => createCohortAction({ ...newCohortInput(), ...extra }),
      () => updateCohortSettingsAction({ ...settingsInput(world.x.id, 0), ...extra }),
      () => addCohortMemberAction({ cohortId: world.x.id, email: world.learnerY1.email, role: "learner", ...extra }),
      () => removeCohortMemberAction({ membershipId: world.memberships.x2.id, ...extra }),
      () => restoreCohortMemberAction({ membershipId: world.memberships.x2.id, ...extra }),
      () => updateMemberScheduleAction({ membershipId: world.memberships.x2.id, extensionDays: 3, ...extra }),
      () => createInviteAction({ cohortId: world.x.id, role: "learner", expiresInDays: 7, maxUses: 1, ...extra }),
      () => revokeInviteAction({ inviteId: invite.id, ...extra }),
      () => previewVersionMoveAction({ cohortId: world.x.id, versionId: draftVersionId, ...extra }),
      () => moveCohortVersionAction({ cohortId: world.x.id, fromVersionId: versionId, versionId: draftVersionId, ...extra }),
    ];
    for (const call of calls) {
      expect(await asUser(world.admin, call)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    expect(await db.membership.count()).toBe(before);
    expect(await db.membership.findUniqueOrThrow({ where: { id: world.memberships.x2.id } })).toMatchObject({ removedAt: null, extensionDays: 0 });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ revokedAt: null });
  });
});
