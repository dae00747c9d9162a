// Instance invite links on Admin → Users (docs/security.md #14), through the shared invite code of
// lib/features/cohorts: an admin invite makes an admin, a mentor/learner invite without a cohort makes a
// plain account, with a cohort it joins it; expiry, use limits, revocation and the race for the last use.
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { acceptInviteAction, createInstanceInviteAction, joinCohortAction, revokeInstanceInviteAction } from "@/lib/features/invites/actions";
import { loadAdminInvitesPage, loadInviteLanding } from "@/lib/features/invites/loaders";
import { createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

let versionId: string;
let sequence = 0;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

function account(token: string, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return { token, name: `Invited ${sequence}`, email: `invited-${sequence}@example.test`, password: "a long enough passphrase", ...overrides };
}

const INVALID = { ok: false, code: "NOT_FOUND", error: INVITE_INVALID_MESSAGE };

async function created(admin: { id: string }, input: Record<string, unknown>) {
  const result = await asUser(admin, () => createInstanceInviteAction({ expiresInDays: "7", maxUses: "1", cohortId: "", ...input }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("creating instance invite links", () => {
  it("an admin invite creates an admin account with a password under the policy", async () => {
    const admin = await createUser({ isAdmin: true, name: "Inviting admin" });
    const { token, invite } = await created(admin, { role: "admin" });
    expect(invite).toMatchObject({ role: "admin", maxUses: 1, useCount: 0, state: "active", createdByName: "Inviting admin" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadInviteLanding(token)).toMatchObject({ valid: true, role: "admin", cohortId: null });

    const weak = await acceptInviteAction(account(token, { password: "password123" }));
    expect(weak).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { password: ["This password is too common; choose another."] } });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 0 });

    const input = account(token);
    expect(await acceptInviteAction(input)).toEqual({ ok: true, data: { cohortId: null, role: "admin", home: "/admin", alreadyMember: false } });
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.isAdmin).toBe(true);
    expect(await verifyPassword(user.passwordHash, input.password)).toBe(true);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "invite.create", targetId: invite.id, actorId: admin.id } })).toBe(1);
  });

  it("a learner or mentor invite without a cohort creates a plain account; with a cohort it joins it", async () => {
    const admin = await createUser({ isAdmin: true });
    const cohort = await createCohort({ versionId, name: "Invited Cohort" });
    const plain = await created(admin, { role: "mentor" });
    const input = account(plain.token);
    expect(await acceptInviteAction(input)).toEqual({ ok: true, data: { cohortId: null, role: "mentor", home: "/welcome", alreadyMember: false } });
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.isAdmin).toBe(false);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);

    const withCohort = await created(admin, { role: "learner", cohortId: cohort.id, maxUses: "3" });
    const learner = account(withCohort.token);
    expect(await acceptInviteAction(learner)).toMatchObject({ ok: true, data: { cohortId: cohort.id, role: "learner" } });
    const joined = await db.user.findUniqueOrThrow({ where: { email: learner.email } });
    expect(await db.membership.findFirst({ where: { userId: joined.id, cohortId: cohort.id } })).toMatchObject({ role: "learner", removedAt: null });

    // Signed in with an account already, a plain-account link gives nothing more and keeps its use.
    const third = await created(admin, { role: "learner" });
    expect(await asUser(joined, () => joinCohortAction({ token: third.token }))).toEqual({
      ok: true,
      data: { cohortId: null, role: "learner", home: "/", alreadyMember: true },
    });
    expect(await db.invite.findUniqueOrThrow({ where: { id: third.invite.id } })).toMatchObject({ useCount: 0 });
  });

  it("validates role, cohort, expiry (1–30 days) and uses (1–500), creating nothing on bad input", async () => {
    const admin = await createUser({ isAdmin: true });
    const cohort = await createCohort({ versionId, name: "Not for admins" });
    const before = await db.invite.count();
    const bad = await asUser(admin, () => createInstanceInviteAction({ role: "owner", cohortId: "", expiresInDays: "31", maxUses: "501" }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["expiresInDays", "maxUses", "role"]);
    expect(await asUser(admin, () => createInstanceInviteAction({ role: "admin", cohortId: cohort.id, expiresInDays: 7, maxUses: 1 }))).toMatchObject({
      ok: false,
      fieldErrors: { cohortId: ["Admins belong to the whole instance; leave the cohort empty."] },
    });
    await db.cohort.update({ where: { id: cohort.id }, data: { archivedAt: new Date() } });
    expect(await asUser(admin, () => createInstanceInviteAction({ role: "learner", cohortId: cohort.id, expiresInDays: 7, maxUses: 1 }))).toMatchObject({
      ok: false,
      fieldErrors: { cohortId: ["Pick a cohort from the list."] },
    });
    expect(await asUser(admin, () => createInstanceInviteAction({ role: "learner", cohortId: "", expiresInDays: 7, maxUses: 1, useCount: 5 }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db.invite.count()).toBe(before);
  });
});

describe("expiry, use limits and revocation", () => {
  it("expired, used-up and revoked links say so and create nothing", async () => {
    const expired = await createInvite({ cohortId: null, role: "admin", expiresAt: new Date(Date.now() - 1000) });
    const usedUp = await createInvite({ cohortId: null, role: "learner", maxUses: 2, useCount: 2 });
    const admin = await createUser({ isAdmin: true });
    const revoked = await created(admin, { role: "admin", maxUses: "5" });
    expect(await asUser(admin, () => revokeInstanceInviteAction({ inviteId: revoked.invite.id }))).toEqual({ ok: true, data: undefined });
    expect(await asUser(admin, () => revokeInstanceInviteAction({ inviteId: revoked.invite.id }))).toMatchObject({ ok: false, code: "INVALID_STATE" });
    const usersBefore = await db.user.count();
    for (const token of [expired.token, usedUp.token, revoked.token]) {
      expect(await loadInviteLanding(token)).toEqual({ valid: false });
      expect(await acceptInviteAction(account(token))).toEqual(INVALID);
    }
    expect(await db.user.count()).toBe(usersBefore);

    const page = await loadAdminInvitesPage(admin);
    const states = Object.fromEntries(page.invites.map((invite) => [invite.id, invite.state]));
    expect(states).toMatchObject({ [expired.invite.id]: "expired", [usedUp.invite.id]: "used_up", [revoked.invite.id]: "revoked" });
    expect(JSON.stringify(page)).not.toContain(revoked.token);
  });

  it("a link for 3 people works three times, then is used up", async () => {
    const admin = await createUser({ isAdmin: true });
    const { token, invite } = await created(admin, { role: "learner", maxUses: "3" });
    for (let use = 1; use <= 3; use += 1) expect(await acceptInviteAction(account(token))).toMatchObject({ ok: true });
    expect(await acceptInviteAction(account(token))).toEqual(INVALID);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 3 });
    expect(await db.inviteRedemption.count({ where: { inviteId: invite.id } })).toBe(3);
  });

  it("five people racing for a one-use admin link: exactly one account is created", async () => {
    const admin = await createUser({ isAdmin: true });
    const { token, invite } = await created(admin, { role: "admin" });
    const inputs = Array.from({ length: 5 }, () => account(token));
    const results = await Promise.all(inputs.map((input) => acceptInviteAction(input)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 4 }, () => INVALID));
    expect(await db.user.count({ where: { email: { in: inputs.map((input) => input.email) } } })).toBe(1);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
  });

  it("lists cohort links too, with their cohort, and an admin can revoke them here", async () => {
    const admin = await createUser({ isAdmin: true });
    const cohort = await createCohort({ versionId, name: "Listed Cohort" });
    const { invite } = await createInvite({ cohortId: cohort.id, role: "mentor", createdById: admin.id });
    const page = await loadAdminInvitesPage(admin);
    expect(page.invites.find((row) => row.id === invite.id)).toMatchObject({ cohortName: "Listed Cohort", role: "mentor", state: "active" });
    expect(page.cohorts).toContainEqual({ id: cohort.id, name: "Listed Cohort" });
    expect(await asUser(admin, () => revokeInstanceInviteAction({ inviteId: invite.id }))).toEqual({ ok: true, data: undefined });
    expect(await db.auditEvent.findFirst({ where: { action: "invite.revoke", targetId: invite.id } })).toMatchObject({ actorId: admin.id, cohortId: cohort.id });
  });
});
