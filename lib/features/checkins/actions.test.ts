// Server actions are tested as shipped: each test signs in as someone by setting
// `signedIn.viewer`, and the session still goes through the real database check
// (runWithTestSession, decision 005), as do validation, authorization and the writes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import {
  addCheckinCommentAction,
  closeOutCheckinAction,
  reopenCheckinAction,
  saveCheckinPlanAction,
} from "@/lib/features/checkins/actions";
import { CLOSED_MESSAGE, CONFLICT_MESSAGE, WEEK_LOCKED_MESSAGE } from "@/lib/features/checkins/schema";
import { addDays, dateOfDay } from "@/lib/calendar";
import { weekOf } from "@/lib/calendar-zones";
import { addMember } from "@/prisma/factories/cohorts";
import { createCheckin } from "@/prisma/factories/progress";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";

const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));

vi.mock("@/lib/auth/viewer", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/viewer")>();
  return {
    ...actual,
    requireViewer: async () => {
      if (!signedIn.viewer) throw new Error("test forgot to sign someone in");
      return actual.runWithTestSession({ uid: signedIn.viewer.id, sv: 0 }, () => actual.requireViewer());
    },
  };
});

const asViewer = (user: { id: string; email: string; name: string; isAdmin: boolean }): Viewer => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});

const ZONE = "Pacific/Auckland";
const emptyCloseOut = { learned: "", built: "", tested: "", documented: "", reviewed: "", blockers: "", reflection: "" };

let keys: string[];
// docs/security.md's fixture world: mentorX, learnerX1, learnerX2 in X; mentorY, learnerY1 in Y;
// dual mentors X and learns in Y; admin mentors nothing.
let world: Awaited<ReturnType<typeof createWorldOnDefaultRoadmap>>;

async function createWorldOnDefaultRoadmap() {
  const { versionId } = await importDefaultRoadmap();
  keys = (await db.milestone.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { key: true } })).map((m) => m.key);
  return createWorld({ versionId, cohorts: { startDate: new Date(Date.UTC(2026, 0, 5)), timezone: ZONE } });
}

const thisWeek = () => weekOf(new Date(), ZONE);

function plan(overrides: Record<string, unknown> = {}) {
  return { cohortId: world.x.id, weekStart: thisWeek(), lockVersion: null, plannedKeys: [keys[0]!], plannedHours: 10, ...overrides };
}

function closeOut(overrides: Record<string, unknown> = {}) {
  return { cohortId: world.x.id, weekStart: thisWeek(), lockVersion: null, ...emptyCloseOut, actualHours: "8", ...overrides };
}

async function rowsOf(membershipId: string) {
  return db.checkin.findMany({ where: { membershipId }, orderBy: { weekStart: "asc" } });
}

beforeAll(async () => {
  world = await createWorldOnDefaultRoadmap();
});

beforeEach(async () => {
  await db.checkinComment.deleteMany();
  await db.checkin.deleteMany();
  signedIn.viewer = world.learnerX1;
});

describe("plan and close-out", () => {
  it("creates the week's check-in, then updates it version by version", async () => {
    const created = await saveCheckinPlanAction(plan({ plannedKeys: [keys[0]!, keys[1]!, keys[0]!], plannedHours: "12" }));
    expect(created).toMatchObject({ ok: true, data: { lockVersion: 1, closed: false } });
    const [row] = await rowsOf(world.memberships.x1.id);
    expect(row).toMatchObject({ plannedKeys: [keys[0], keys[1]], plannedHours: 12, closedAt: null });
    expect(row!.weekStart).toEqual(dateOfDay(thisWeek()));

    const updated = await saveCheckinPlanAction(plan({ lockVersion: 1, plannedKeys: [keys[2]!], plannedHours: "" }));
    expect(updated).toMatchObject({ ok: true, data: { lockVersion: 2 } });
    const closed = await closeOutCheckinAction(closeOut({ lockVersion: 2, learned: "  Drift detection  ", actualHours: 7 }));
    expect(closed).toMatchObject({ ok: true, data: { lockVersion: 3, closed: true } });
    const [after] = await rowsOf(world.memberships.x1.id);
    expect(after).toMatchObject({ plannedKeys: [keys[2]], plannedHours: null, learned: "Drift detection", actualHours: 7, lockVersion: 3 });
    expect(after!.closedAt).toBeInstanceOf(Date);
  });

  it("refuses a stale save with CONFLICT and keeps the newer data", async () => {
    await saveCheckinPlanAction(plan({ plannedHours: 5 }));
    const otherTab = await saveCheckinPlanAction(plan({ lockVersion: 1, plannedHours: 6 }));
    expect(otherTab.ok).toBe(true);
    const stale = await saveCheckinPlanAction(plan({ lockVersion: 1, plannedHours: 40 }));
    expect(stale).toEqual({ ok: false, code: "CONFLICT", error: CONFLICT_MESSAGE, fieldErrors: undefined });
    const staleCloseOut = await closeOutCheckinAction(closeOut({ lockVersion: 1, reflection: "lost?" }));
    expect(staleCloseOut).toMatchObject({ ok: false, code: "CONFLICT", error: CONFLICT_MESSAGE });
    const [row] = await rowsOf(world.memberships.x1.id);
    expect(row).toMatchObject({ plannedHours: 6, reflection: "", closedAt: null, lockVersion: 2 });
  });

  it("lets exactly one of two first saves of the same week win", async () => {
    const results = await Promise.all([
      saveCheckinPlanAction(plan({ plannedHours: 1 })),
      closeOutCheckinAction(closeOut({ actualHours: 2 })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT", error: CONFLICT_MESSAGE });
    expect(await rowsOf(world.memberships.x1.id)).toHaveLength(1);
  });

  it("closes a week to edits until it is reopened, then saves again", async () => {
    await closeOutCheckinAction(closeOut({ built: "A feature pipeline" }));
    const [closed] = await rowsOf(world.memberships.x1.id);
    const blocked = await saveCheckinPlanAction(plan({ lockVersion: closed!.lockVersion }));
    expect(blocked).toMatchObject({ ok: false, code: "INVALID_STATE", error: CLOSED_MESSAGE });

    const staleReopen = await reopenCheckinAction({ checkinId: closed!.id, lockVersion: closed!.lockVersion - 1 });
    expect(staleReopen).toMatchObject({ ok: false, code: "CONFLICT" });
    const reopened = await reopenCheckinAction({ checkinId: closed!.id, lockVersion: closed!.lockVersion });
    expect(reopened).toMatchObject({ ok: true, data: { closed: false, lockVersion: closed!.lockVersion + 1 } });
    const edited = await closeOutCheckinAction(closeOut({ lockVersion: closed!.lockVersion + 1, built: "A feature pipeline, tested" }));
    expect(edited).toMatchObject({ ok: true, data: { closed: true } });
    const [row] = await rowsOf(world.memberships.x1.id);
    expect(row!.built).toBe("A feature pipeline, tested");
  });

  it("keeps last week editable and reopenable during this week, and older weeks locked", async () => {
    const lastWeek = addDays(thisWeek(), -7);
    expect(await closeOutCheckinAction(closeOut({ weekStart: lastWeek }))).toMatchObject({ ok: true });
    const [last] = await rowsOf(world.memberships.x1.id);
    expect(await reopenCheckinAction({ checkinId: last!.id, lockVersion: last!.lockVersion })).toMatchObject({ ok: true });

    const older = addDays(thisWeek(), -14);
    const locked = await closeOutCheckinAction(closeOut({ weekStart: older }));
    expect(locked).toMatchObject({ ok: false, code: "INVALID_STATE", error: WEEK_LOCKED_MESSAGE });
    const future = await saveCheckinPlanAction(plan({ weekStart: addDays(thisWeek(), 7) }));
    expect(future).toMatchObject({ ok: false, code: "INVALID_STATE" });

    const oldRow = await createCheckin({ membershipId: world.memberships.x1.id, weekStart: dateOfDay(older) });
    const oldReopen = await reopenCheckinAction({ checkinId: oldRow.id, lockVersion: oldRow.lockVersion });
    expect(oldReopen).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect((await db.checkin.findUniqueOrThrow({ where: { id: oldRow.id } })).closedAt).not.toBeNull();
  });
});

describe("bad input", () => {
  it.each([
    ["hours above 80", { plannedHours: 81 }, "plannedHours"],
    ["negative hours", { plannedHours: -1 }, "plannedHours"],
    ["fractional hours", { plannedHours: "1.5" }, "plannedHours"],
    ["hours that are not a number", { plannedHours: "ten" }, "plannedHours"],
    ["more than 10 milestones", { plannedKeys: Array.from({ length: 11 }, (_, i) => `key-${i}`) }, "plannedKeys"],
    ["a milestone that is not on the roadmap", { plannedKeys: ["not-a-milestone"] }, "plannedKeys"],
    ["a week that does not start on Monday", { weekStart: addDays(weekOf(new Date(), ZONE), 2) }, "weekStart"],
    ["a malformed week", { weekStart: "2027-02-30" }, "weekStart"],
  ])("%s gets a message next to the field and saves nothing", async (_, overrides, field) => {
    const result = await saveCheckinPlanAction(plan(overrides));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!result.ok && result.fieldErrors?.[field]?.[0]).toBeTruthy();
    expect(await rowsOf(world.memberships.x1.id)).toHaveLength(0);
  });

  it("names each close-out field that is too long or missing", async () => {
    const result = await closeOutCheckinAction(closeOut({ learned: "x".repeat(2001), reflection: "y".repeat(2001), actualHours: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.learned).toEqual(["Use at most 2,000 characters."]);
    expect(result.fieldErrors?.reflection).toEqual(["Use at most 2,000 characters."]);
    expect(result.fieldErrors?.actualHours?.[0]).toMatch(/hours/);
    expect(await rowsOf(world.memberships.x1.id)).toHaveLength(0);
  });

  it("accepts exactly 2,000 characters", async () => {
    expect(await closeOutCheckinAction(closeOut({ learned: "x".repeat(2000) }))).toMatchObject({ ok: true });
  });

  it.each([
    ["membershipId", () => ({ membershipId: world.memberships.x2.id })],
    ["status", () => ({ status: "approved" })],
    ["createdAt", () => ({ createdAt: new Date("2020-01-01").toISOString() })],
    ["closedAt", () => ({ closedAt: null })],
    ["learnerId", () => ({ learnerId: world.learnerX2.id })],
  ])("rejects an extra %s field everywhere and changes nothing", async (_, extra) => {
    const existing = await createCheckin({ membershipId: world.memberships.x1.id, weekStart: dateOfDay(thisWeek()) });
    const results = await Promise.all([
      saveCheckinPlanAction({ ...plan({ lockVersion: existing.lockVersion }), ...extra() } as never),
      closeOutCheckinAction({ ...closeOut({ lockVersion: existing.lockVersion }), ...extra() } as never),
      reopenCheckinAction({ checkinId: existing.id, lockVersion: existing.lockVersion, ...extra() } as never),
      addCheckinCommentAction({ checkinId: existing.id, body: "Hi", ...extra() } as never),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { form: [expect.stringMatching(/Unrecognized key/)] } });
    expect(await db.checkin.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
    expect(await db.checkinComment.count()).toBe(0);
  });
});

describe("authorization (docs/security.md cases 1, 2, 7)", () => {
  async function x1Checkin() {
    return createCheckin({ membershipId: world.memberships.x1.id, weekStart: dateOfDay(thisWeek()), notes: { learned: "X1's week" } });
  }

  it("answers a learner writing in someone else's cohort like a random one: NOT_FOUND", async () => {
    signedIn.viewer = world.learnerX1;
    const foreign = await saveCheckinPlanAction(plan({ cohortId: world.y.id }));
    const random = await saveCheckinPlanAction(plan({ cohortId: crypto.randomUUID() }));
    expect(foreign).toEqual(random);
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A mentor of X is not a learner there either.
    signedIn.viewer = world.mentorX;
    expect(await closeOutCheckinAction(closeOut())).toEqual(random);
    expect(await db.checkin.count()).toBe(0);
  });

  it("answers another learner reopening or replying on a check-in by id like a random id, and changes nothing", async () => {
    const checkin = await x1Checkin();
    for (const intruder of [world.learnerX2, world.learnerY1, world.mentorY, world.admin]) {
      signedIn.viewer = intruder;
      const reopen = await reopenCheckinAction({ checkinId: checkin.id, lockVersion: checkin.lockVersion });
      const randomReopen = await reopenCheckinAction({ checkinId: crypto.randomUUID(), lockVersion: 0 });
      expect(reopen).toEqual(randomReopen);
      expect(reopen).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // Mentors comment, but only the learner changes the week itself.
    signedIn.viewer = world.mentorX;
    expect(await reopenCheckinAction({ checkinId: checkin.id, lockVersion: checkin.lockVersion })).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.checkin.findUniqueOrThrow({ where: { id: checkin.id } })).toEqual(checkin);
  });

  it("lets only mentors of the check-in's cohort comment, and its learner reply", async () => {
    const checkin = await x1Checkin();
    const random = { checkinId: crypto.randomUUID(), body: "Hello" };
    for (const intruder of [world.learnerX2, world.learnerY1, world.mentorY, world.admin]) {
      signedIn.viewer = intruder;
      const result = await addCheckinCommentAction({ checkinId: checkin.id, body: "Sneaky" });
      expect(result).toEqual(await addCheckinCommentAction(random));
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.checkinComment.count()).toBe(0);

    signedIn.viewer = world.mentorX;
    const comment = await addCheckinCommentAction({ checkinId: checkin.id, body: "  Good scope for a week.  " });
    expect(comment).toMatchObject({ ok: true, data: { authorName: "Mentor X", authorRole: "mentor", body: "Good scope for a week." } });
    signedIn.viewer = world.dual; // mentors X too
    expect(await addCheckinCommentAction({ checkinId: checkin.id, body: "Agreed." })).toMatchObject({ ok: true });
    signedIn.viewer = world.learnerX1;
    const reply = await addCheckinCommentAction({ checkinId: checkin.id, body: "Thanks!" });
    expect(reply).toMatchObject({ ok: true, data: { authorRole: "learner", mine: true } });
    expect(JSON.stringify([comment, reply])).not.toMatch(/@/);
    expect(await db.checkinComment.count({ where: { checkinId: checkin.id } })).toBe(3);
    // The learner hears about the two mentor comments, not about their own reply.
    const notes = await db.notification.findMany({ where: { userId: world.learnerX1.id, type: "checkin_comment" } });
    expect(notes.map((note) => note.title).sort()).toEqual(
      ["Mentor X commented on your check-in", `${world.dual.name} commented on your check-in`].sort(),
    );
  });

  it("scopes a person by role per cohort: dual replies on their own Y check-in, X's mentor cannot comment there", async () => {
    const dualCheckin = await createCheckin({ membershipId: world.memberships.dualY.id, weekStart: dateOfDay(thisWeek()) });
    signedIn.viewer = world.mentorX;
    expect(await addCheckinCommentAction({ checkinId: dualCheckin.id, body: "Hi" })).toMatchObject({ code: "NOT_FOUND" });
    signedIn.viewer = world.mentorY;
    expect(await addCheckinCommentAction({ checkinId: dualCheckin.id, body: "Hi" })).toMatchObject({ ok: true });
    signedIn.viewer = world.dual;
    expect(await addCheckinCommentAction({ checkinId: dualCheckin.id, body: "Hello back" })).toMatchObject({ ok: true });
  });

  it("takes a mentor's removal into account on the next call", async () => {
    const checkin = await x1Checkin();
    const removed = await createUser({ name: "Removed Mentor" });
    const membership = await addMember(world.x.id, removed.id, "mentor");
    signedIn.viewer = asViewer(removed);
    expect(await addCheckinCommentAction({ checkinId: checkin.id, body: "Before" })).toMatchObject({ ok: true });
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    expect(await addCheckinCommentAction({ checkinId: checkin.id, body: "After" })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("needs a comment body, within 2,000 characters", async () => {
    const checkin = await x1Checkin();
    signedIn.viewer = world.mentorX;
    expect(await addCheckinCommentAction({ checkinId: checkin.id, body: "   " })).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { body: ["Write a comment."] },
    });
    expect(await addCheckinCommentAction({ checkinId: checkin.id, body: "x".repeat(2001) })).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { body: ["Use at most 2,000 characters."] },
    });
    expect(await db.checkinComment.count()).toBe(0);
  });
});
