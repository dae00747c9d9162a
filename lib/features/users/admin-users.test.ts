// Admin → Users as shipped: the real server actions and the page loader run as a signed-in person through
// asUser (the session still goes through the database), against a real PostgreSQL. Covers docs/security.md #5,
// #6 and #13 for these surfaces: non-admins are refused as "not found" with nothing changed, and demotion and
// deactivation apply on the very next request of an existing session.
import { beforeAll, describe, expect, it } from "vitest";
import { LOGIN_DEACTIVATED } from "@/lib/auth/constants";
import { authOptions } from "@/lib/auth/options";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import {
  createPasswordResetLinkAction,
  deactivateUserAction,
  reactivateUserAction,
  setAdminAction,
} from "@/lib/features/users/actions";
import { LAST_ADMIN_MESSAGE, SELF_DEACTIVATE_MESSAGE, USERS_PAGE_SIZE } from "@/lib/features/users/constants";
import { createInstanceInviteAction, revokeInstanceInviteAction } from "@/lib/features/invites/actions";
import { loadAdminInvitesPage } from "@/lib/features/invites/loaders";
import { loadAdminUsersPage } from "@/lib/features/users/loaders";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";



const NOT_FOUND_PAGE = /NEXT_HTTP_ERROR_FALLBACK;404/;
const REFUSED = { ok: false, code: "NOT_FOUND", error: "This page does not exist." };
const PASSWORD = "correct horse battery staple";

let versionId: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

/** docs/security.md's fixture world, with fresh people per test so state never leaks between tests. */
async function world() {
  const x = await createCohort({ versionId, name: `Cohort X ${crypto.randomUUID().slice(0, 6)}` });
  const y = await createCohort({ versionId, name: `Cohort Y ${crypto.randomUUID().slice(0, 6)}` });
  const [admin, mentorX, learnerX1, learnerY1] = await Promise.all([
    createUser({ isAdmin: true, name: "Admin" }),
    createUser({ name: "Mentor X" }),
    createUser({ name: "Learner X1" }),
    createUser({ name: "Learner Y1" }),
  ]);
  await addMember(x.id, mentorX.id, "mentor");
  await addMember(x.id, learnerX1.id, "learner");
  await addMember(y.id, learnerY1.id, "learner");
  return { x, y, admin, mentorX, learnerX1, learnerY1 };
}

async function fresh(user: { id: string }) {
  return db.user.findUniqueOrThrow({ where: { id: user.id } });
}

/** next-auth's credentials check, as the sign-in form reaches it. */
async function signIn(email: string, password = PASSWORD) {
  const provider = authOptions.providers[0] as unknown as {
    options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
  };
  return provider.options.authorize({ email, password }, { headers: {} });
}

describe("who may use Admin → Users", () => {
  it("refuses a mentor and a learner on every admin action as not found, and changes nothing", async () => {
    const { x, admin, mentorX, learnerX1, learnerY1 } = await world();
    const { invite } = await createInvite({ cohortId: null, role: "admin", maxUses: 3 });
    const auditsBefore = await db.auditEvent.count();
    const usersBefore = await db.user.findMany({ orderBy: { id: "asc" } });
    for (const caller of [mentorX, learnerX1]) {
      const calls: (() => Promise<unknown>)[] = [
        () => setAdminAction({ userId: caller.id, isAdmin: true }),
        () => setAdminAction({ userId: admin.id, isAdmin: false }),
        () => deactivateUserAction({ userId: learnerY1.id }),
        () => deactivateUserAction({ userId: admin.id }),
        () => reactivateUserAction({ userId: learnerY1.id }),
        () => createPasswordResetLinkAction({ userId: admin.id }),
        () => createInstanceInviteAction({ role: "admin", cohortId: "", expiresInDays: 7, maxUses: 1 }),
        () => createInstanceInviteAction({ role: "learner", cohortId: x.id, expiresInDays: 7, maxUses: 1 }),
        () => revokeInstanceInviteAction({ inviteId: invite.id }),
      ];
      for (const call of calls) expect(await asUser(caller, call)).toEqual(REFUSED);
      await expect(asUser(caller, () => loadAdminUsersPage({ ...caller, isAdmin: false }, {}))).rejects.toThrow(NOT_FOUND_PAGE);
      await expect(asUser(caller, () => loadAdminInvitesPage({ ...caller, isAdmin: false }))).rejects.toThrow(NOT_FOUND_PAGE);
    }
    expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
    expect(await db.auditEvent.count()).toBe(auditsBefore);
    expect(await db.passwordResetToken.count()).toBe(0);
    expect(await db.invite.count()).toBe(1);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ revokedAt: null });
  });

  it("rejects extra fields such as sessionVersion", async () => {
    const { admin, learnerX1 } = await world();
    const result = await asUser(admin, () => setAdminAction({ userId: learnerX1.id, isAdmin: true, sessionVersion: 5 }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await fresh(learnerX1)).isAdmin).toBe(false);
  });
});

describe("granting and removing admin", () => {
  it("makes a learner an admin and back, with audit rows, and the demotion applies on their next request", async () => {
    const { admin, learnerX1 } = await world();
    expect(await asUser(admin, () => setAdminAction({ userId: learnerX1.id, isAdmin: true }))).toEqual({ ok: true, data: { isAdmin: true } });
    // Their existing session sees the admin flag at once, and can use an admin action.
    expect((await asUser(learnerX1, () => getViewer()))?.isAdmin).toBe(true);
    expect(await asUser(learnerX1, () => createPasswordResetLinkAction({ userId: admin.id }))).toMatchObject({ ok: true });

    expect(await asUser(admin, () => setAdminAction({ userId: learnerX1.id, isAdmin: false }))).toEqual({ ok: true, data: { isAdmin: false } });
    // Same session (same session version), very next request: no longer an admin.
    expect((await asUser(learnerX1, () => getViewer()))?.isAdmin).toBe(false);
    expect(await asUser(learnerX1, () => createPasswordResetLinkAction({ userId: admin.id }))).toEqual(REFUSED);
    expect(await asUser(learnerX1, () => setAdminAction({ userId: learnerX1.id, isAdmin: true }))).toEqual(REFUSED);
    expect((await fresh(learnerX1)).isAdmin).toBe(false);

    const audits = await db.auditEvent.findMany({ where: { targetId: learnerX1.id, action: { startsWith: "user." } }, orderBy: { createdAt: "asc" } });
    expect(audits.map((row) => [row.action, row.actorId, row.before, row.after])).toEqual([
      ["user.grant_admin", admin.id, { isAdmin: false }, { isAdmin: true }],
      ["user.revoke_admin", admin.id, { isAdmin: true }, { isAdmin: false }],
    ]);
  });

  it("never removes the last active admin, even when they demote themselves", async () => {
    const { admin } = await world();
    // Other tests' admins would count; demote them first so `admin` is the only one.
    await db.user.updateMany({ where: { isAdmin: true, id: { not: admin.id } }, data: { isAdmin: false } });
    const result = await asUser(admin, () => setAdminAction({ userId: admin.id, isAdmin: false }));
    expect(result).toEqual({ ok: false, code: "INVALID_STATE", error: LAST_ADMIN_MESSAGE });
    expect((await fresh(admin)).isAdmin).toBe(true);
    // A deactivated admin does not count as the other one.
    const dormant = await createUser({ isAdmin: true });
    await db.user.update({ where: { id: dormant.id }, data: { deactivatedAt: new Date() } });
    expect(await asUser(admin, () => setAdminAction({ userId: admin.id, isAdmin: false }))).toMatchObject({ ok: false, error: LAST_ADMIN_MESSAGE });
    expect(await db.auditEvent.count({ where: { action: "user.revoke_admin", targetId: admin.id } })).toBe(0);
  });

  it("two admins demoting each other at the same moment: exactly one admin remains, the other is told why", async () => {
    const { admin: first } = await world();
    const second = await createUser({ isAdmin: true, name: "Second admin" });
    await db.user.updateMany({ where: { isAdmin: true, id: { notIn: [first.id, second.id] } }, data: { isAdmin: false } });
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all([
        asUser(first, () => setAdminAction({ userId: second.id, isAdmin: false })),
        asUser(second, () => setAdminAction({ userId: first.id, isAdmin: false })),
      ]);
      const admins = await db.user.findMany({ where: { isAdmin: true, deactivatedAt: null }, select: { id: true } });
      expect(admins).toHaveLength(1);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      const refused = results.find((result) => !result.ok);
      // The loser either lost the last-admin check or had already lost their own admin flag (404 like any non-admin).
      expect([LAST_ADMIN_MESSAGE, "This page does not exist."]).toContain((refused as { error: string }).error);
      await db.user.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { isAdmin: true } });
    }
  });
});

describe("deactivating and reactivating", () => {
  it("signs them out on their next request, blocks sign-in, and reactivation lets them back in", async () => {
    const { admin, learnerX1 } = await world();
    expect(await signIn(learnerX1.email)).toMatchObject({ id: learnerX1.id });
    expect(await asUser(learnerX1, () => getViewer())).not.toBeNull();
    // Signing in is what the list shows as "Last seen".
    expect((await loadAdminUsersPage(admin, { q: learnerX1.email })).users[0]?.lastSeenAt).toEqual(expect.any(String));

    const result = await asUser(admin, () => deactivateUserAction({ userId: learnerX1.id }));
    expect(result).toMatchObject({ ok: true });
    const deactivated = await fresh(learnerX1);
    expect(deactivated.deactivatedAt).not.toBeNull();
    expect(deactivated.sessionVersion).toBe(learnerX1.sessionVersion + 1);
    // The old session is refused on its very next request, and the password no longer signs in: the right one is
    // told the account is deactivated, a wrong one gets the usual refusal, so a guesser learns nothing.
    expect(await asUser(learnerX1, () => getViewer())).toBeNull();
    await expect(signIn(learnerX1.email)).rejects.toThrow(LOGIN_DEACTIVATED);
    expect(await signIn(learnerX1.email, "not the password")).toBeNull();
    expect(await asUser(admin, () => deactivateUserAction({ userId: learnerX1.id }))).toMatchObject({ ok: false, code: "INVALID_STATE" });

    // Admin rights go to active people only.
    expect(await asUser(admin, () => setAdminAction({ userId: learnerX1.id, isAdmin: true }))).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await asUser(admin, () => reactivateUserAction({ userId: learnerX1.id }))).toEqual({ ok: true, data: undefined });
    expect(await signIn(learnerX1.email)).toMatchObject({ id: learnerX1.id });
    // Sessions from before the deactivation stay revoked.
    expect(await asUser(learnerX1, () => getViewer())).toBeNull();
    expect(await asUser({ id: learnerX1.id, sessionVersion: deactivated.sessionVersion }, () => getViewer())).not.toBeNull();

    const audits = await db.auditEvent.findMany({ where: { targetId: learnerX1.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((row) => [row.action, row.actorId, row.before])).toEqual([
      ["user.deactivate", admin.id, { deactivatedAt: null }],
      ["user.reactivate", admin.id, { deactivatedAt: deactivated.deactivatedAt!.toISOString() }],
    ]);
    expect(audits[0]!.after).toEqual({ deactivatedAt: deactivated.deactivatedAt!.toISOString() });
  });

  it("refuses to deactivate yourself, with a clear message", async () => {
    const { admin } = await world();
    expect(await asUser(admin, () => deactivateUserAction({ userId: admin.id }))).toEqual({
      ok: false,
      code: "INVALID_STATE",
      error: SELF_DEACTIVATE_MESSAGE,
    });
    expect(await fresh(admin)).toMatchObject({ deactivatedAt: null, sessionVersion: 0 });
  });

  it("two admins deactivating each other at the same moment: exactly one active admin remains", async () => {
    const { admin: first } = await world();
    const second = await createUser({ isAdmin: true, name: "Second admin" });
    await db.user.updateMany({ where: { isAdmin: true, id: { notIn: [first.id, second.id] } }, data: { isAdmin: false } });
    for (let round = 1; round <= 5; round += 1) {
      const [a, b] = await Promise.all([fresh(first), fresh(second)]);
      const results = await Promise.all([
        asUser(a, () => deactivateUserAction({ userId: second.id })),
        asUser(b, () => deactivateUserAction({ userId: first.id })),
      ]);
      expect(await db.user.count({ where: { isAdmin: true, deactivatedAt: null } })).toBe(1);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { action: "user.deactivate", targetId: { in: [first.id, second.id] } } })).toBe(round);
      await db.user.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { deactivatedAt: null } });
    }
  });

  it("a deactivated admin's session cannot act any more", async () => {
    const { admin } = await world();
    const other = await createUser({ isAdmin: true });
    expect(await asUser(other, () => deactivateUserAction({ userId: admin.id }))).toMatchObject({ ok: true });
    // Signed out on the next request: the action sends them to /login and changes nothing.
    await expect(asUser(admin, () => deactivateUserAction({ userId: other.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await fresh(other)).deactivatedAt).toBeNull();
  });
});

describe("the users list", () => {
  it("searches name or email case-insensitively and filters by role, cohort and status", async () => {
    const { x, y, admin, mentorX, learnerX1, learnerY1 } = await world();
    const grace = await createUser({ name: "Grace Hopper", email: "GRACE@Navy.example" });
    await db.user.update({ where: { id: learnerY1.id }, data: { deactivatedAt: new Date() } });
    const load = (params: Record<string, string | string[]>) => loadAdminUsersPage(admin, params);
    const ids = async (params: Record<string, string | string[]>) => (await load(params)).users.map((user) => user.id);

    expect(await ids({ q: "hOPPer" })).toEqual([grace.id]);
    expect(await ids({ q: "navy.EXAMPLE" })).toEqual([grace.id]);
    // Typed text is matched literally, never as a LIKE pattern.
    expect(await ids({ q: "gr_ce%" })).toEqual([]);
    const underscore = await createUser({ name: "Under Score", email: "under_score-100%@example.test" });
    expect(await ids({ q: "UNDER_score-100%" })).toEqual([underscore.id]);
    expect(await ids({ role: "mentor", cohort: x.id })).toEqual([mentorX.id]);
    expect(await ids({ role: "learner", cohort: x.id })).toEqual([learnerX1.id]);
    expect(await ids({ cohort: y.id })).toEqual([learnerY1.id]);
    expect(await ids({ cohort: y.id, status: "active" })).toEqual([]);
    expect(await ids({ status: "deactivated" })).toContain(learnerY1.id);
    expect(await ids({ role: "admin", q: admin.email })).toEqual([admin.id]);

    const page = await load({ q: learnerX1.email });
    expect(page.users).toEqual([
      expect.objectContaining({
        name: "Learner X1",
        email: learnerX1.email,
        isAdmin: false,
        cohorts: [{ cohortId: x.id, cohortName: x.name, role: "learner" }],
        deactivatedAt: null,
        isViewer: false,
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain("argon2");
  });

  it("falls back safely on bad search params instead of failing", async () => {
    const { admin } = await world();
    const page = await loadAdminUsersPage(admin, { role: "superuser", cohort: "not-a-uuid", status: "x", page: "-3", q: ["a", "b"] });
    expect(page.filters).toEqual({ q: "a", role: null, cohortId: null, status: null });
    expect(page.page).toBe(1);
    const far = await loadAdminUsersPage(admin, { page: "999999999" });
    expect(far.page).toBe(far.pageCount);
    expect(far.users.length).toBeGreaterThan(0);
    const none = await loadAdminUsersPage(admin, { q: "nobody-has-this-name-zzz" });
    expect(none).toMatchObject({ users: [], total: 0, page: 1, pageCount: 1 });
  });

  it("pages 50 at a time and issues the same number of statements for 3 people as for 60", async () => {
    const { x, admin } = await world();
    const tag = `paged${crypto.randomUUID().slice(0, 6)}`;
    const makePeople = async (count: number, prefix: string) => {
      for (let index = 0; index < count; index += 1) {
        const user = await createUser({ name: `${tag} ${prefix} ${String(index).padStart(3, "0")}` });
        await addMember(x.id, user.id, index % 2 ? "learner" : "mentor");
      }
    };
    await makePeople(3, "a");
    const small = await countQueries(() => loadAdminUsersPage(admin, { q: `${tag} a` }));
    expect(small.result.users).toHaveLength(3);
    await makePeople(60, "b");
    const large = await countQueries(() => loadAdminUsersPage(admin, { q: `${tag} b` }));
    expect(large.result).toMatchObject({ total: 60, pageCount: 2, page: 1 });
    expect(large.result.users).toHaveLength(USERS_PAGE_SIZE);
    expect(large.result.users.every((user) => user.cohorts.length === 1)).toBe(true);
    expect(large.count).toBe(small.count);
    const second = await loadAdminUsersPage(admin, { q: `${tag} b`, page: "2" });
    expect(second.users.map((user) => user.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `${tag} b ${String(50 + index).padStart(3, "0")}`),
    );
  });
});


