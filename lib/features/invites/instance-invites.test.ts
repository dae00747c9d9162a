// Instance invite links on Admin → Users (docs/security.md #14), through the shared invite code of
// lib/features/cohorts: an admin invite makes an admin, a mentor/learner invite without a cohort makes a
// plain account, with a cohort it joins it; expiry, use limits, revocation and the race for the last use; the same
// invites mailed to each address through the outbox ("Invite by e-mail").
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import {
  acceptInviteAction,
  createInstanceInviteAction,
  emailInstanceInvitesAction,
  joinCohortAction,
  revokeInstanceInviteAction,
} from "@/lib/features/invites/actions";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { loadAdminInvitesPage, loadInviteLanding } from "@/lib/features/invites/loaders";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";
import { smtpServerForSuite } from "@/test/smtp-suite";

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

describe("inviting by e-mail from Admin → Users", () => {
  const smtp = smtpServerForSuite();

  /** The one mail sent to `to`, and the token of the invite link in it. */
  async function mailedInvite(to: string) {
    await mailFlushJob.run(new Date());
    const mails = smtp().received.filter((mail) => mail.to.includes(to));
    expect(mails).toHaveLength(1);
    const token = /https:\/\/cairn\.example\.org\/invite\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.body)?.[1];
    expect(token).toBeDefined();
    return { subject: mails[0]!.subject, token: token! };
  }

  it("mails each address a single-use link that creates the account with the invite's role, in its cohort if it names one", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    vi.stubEnv("NEXTAUTH_URL", "https://cairn.example.org");
    const admin = await createUser({ isAdmin: true, name: "Mailing Admin" });
    const cohort = await createCohort({ versionId, name: "Mailed Instance Cohort" });

    const mentors = await asUser(admin, () =>
      emailInstanceInvitesAction({ role: "mentor", cohortId: "", emails: "mentor.one@example.test; Mentor.Two@example.test\nmentor.one@example.test" }),
    );
    expect(mentors).toEqual({ ok: true, data: { sent: 2 } });
    const learners = await asUser(admin, () => emailInstanceInvitesAction({ role: "learner", cohortId: cohort.id, emails: "mailed.learner@example.test" }));
    expect(learners).toEqual({ ok: true, data: { sent: 1 } });
    const admins = await asUser(admin, () => emailInstanceInvitesAction({ role: "admin", cohortId: "", emails: "second.admin@example.test" }));
    expect(admins).toEqual({ ok: true, data: { sent: 1 } });

    // Four personal links, each for one person for 14 days, listed on the page and audited as the admin's.
    const invites = await db.invite.findMany({ where: { createdById: admin.id }, select: { id: true, role: true, cohortId: true, maxUses: true, expiresAt: true } });
    expect(invites.map(({ role, cohortId, maxUses }) => ({ role, cohortId, maxUses })).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: "admin", cohortId: null, maxUses: 1 },
      { role: "learner", cohortId: cohort.id, maxUses: 1 },
      { role: "mentor", cohortId: null, maxUses: 1 },
      { role: "mentor", cohortId: null, maxUses: 1 },
    ]);
    for (const invite of invites) {
      expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
      expect(invite.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(14 * 24 * 3600 * 1000);
    }
    const listed = (await loadAdminInvitesPage(admin)).invites.filter((row) => invites.some((invite) => invite.id === row.id));
    expect(listed).toHaveLength(4);
    for (const row of listed) expect(row).toMatchObject({ useCount: 0, maxUses: 1, state: "active", createdByName: "Mailing Admin" });
    expect(listed.map((row) => row.sentTo).sort()).toEqual(["mailed.learner@example.test", "mentor.one@example.test", "mentor.two@example.test", "second.admin@example.test"]);
    const audits = await db.auditEvent.findMany({ where: { action: "invite.create", actorId: admin.id }, select: { targetId: true, cohortId: true, after: true } });
    expect(audits.map((audit) => audit.targetId).sort()).toEqual(invites.map((invite) => invite.id).sort());
    for (const audit of audits) expect(audit.after).toMatchObject({ maxUses: 1, emailed: true });
    expect(audits.find((audit) => audit.cohortId !== null)?.cohortId).toBe(cohort.id);

    // A mentor link without a cohort: a plain mentor account.
    const mentor = await mailedInvite("mentor.one@example.test");
    expect(mentor.subject).toBe("Mailing Admin invited you to join Cairn as a mentor");
    expect(await acceptInviteAction(account(mentor.token, { email: "mentor.one@example.test" }))).toEqual({
      ok: true,
      data: { cohortId: null, role: "mentor", home: "/welcome", alreadyMember: false },
    });
    const mentorUser = await db.user.findUniqueOrThrow({ where: { email: "mentor.one@example.test" } });
    expect(mentorUser.isAdmin).toBe(false);
    expect(await db.membership.count({ where: { userId: mentorUser.id } })).toBe(0);
    expect(await acceptInviteAction(account(mentor.token))).toEqual(INVALID);
    expect((await mailedInvite("mentor.two@example.test")).subject).toBe("Mailing Admin invited you to join Cairn as a mentor");

    // A learner link naming a cohort joins it.
    const learner = await mailedInvite("mailed.learner@example.test");
    expect(learner.subject).toBe("Mailing Admin invited you to join Mailed Instance Cohort as a learner on Cairn");
    expect(await acceptInviteAction(account(learner.token, { email: "mailed.learner@example.test" }))).toMatchObject({
      ok: true,
      data: { cohortId: cohort.id, role: "learner", alreadyMember: false },
    });
    const learnerUser = await db.user.findUniqueOrThrow({ where: { email: "mailed.learner@example.test" } });
    expect(await db.membership.findFirst({ where: { userId: learnerUser.id, cohortId: cohort.id } })).toMatchObject({ role: "learner", removedAt: null });

    // An admin link makes an admin.
    const second = await mailedInvite("second.admin@example.test");
    expect(second.subject).toBe("Mailing Admin invited you to join Cairn as an admin");
    expect(await acceptInviteAction(account(second.token, { email: "second.admin@example.test" }))).toEqual({
      ok: true,
      data: { cohortId: null, role: "admin", home: "/admin", alreadyMember: false },
    });
    expect(await db.user.findUniqueOrThrow({ where: { email: "second.admin@example.test" } })).toMatchObject({ isAdmin: true });
  });

  it("refuses an admin invite naming a cohort, and an unknown or archived cohort, writing nothing", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    const admin = await createUser({ isAdmin: true });
    const archived = await createCohort({ versionId, name: "Archived for mail" });
    await db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const cohort = await createCohort({ versionId, name: "Not for mailed admins" });
    const [invitesBefore, mailsBefore] = [await db.invite.count(), await db.mail.count()];

    expect(await asUser(admin, () => emailInstanceInvitesAction({ role: "admin", cohortId: cohort.id, emails: "boss@example.test" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { cohortId: ["Admins belong to the whole instance; leave the cohort empty."] },
    });
    for (const cohortId of [randomUUID(), archived.id]) {
      expect(await asUser(admin, () => emailInstanceInvitesAction({ role: "learner", cohortId, emails: "someone@example.test" }))).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { cohortId: ["Pick a cohort from the list."] },
      });
    }
    expect(await asUser(admin, () => emailInstanceInvitesAction({ role: "mentor", cohortId: "", emails: "ok@example.test, not-an-address" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { emails: ["Not an e-mail address: not-an-address"] },
    });
    expect(await db.invite.count()).toBe(invitesBefore);
    expect(await db.mail.count()).toBe(mailsBefore);
  });

  it("is refused to a mentor, and when Cairn sends no mail", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    const cohort = await createCohort({ versionId, name: "Mentored, not administered" });
    const mentor = await createUser();
    await addMember(cohort.id, mentor.id, "mentor");
    const [invitesBefore, mailsBefore] = [await db.invite.count(), await db.mail.count()];
    expect(await asUser(mentor, () => emailInstanceInvitesAction({ role: "mentor", cohortId: cohort.id, emails: "friend@example.test" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });

    vi.stubEnv("SMTP_URL", "");
    const admin = await createUser({ isAdmin: true });
    expect(await asUser(admin, () => emailInstanceInvitesAction({ role: "admin", cohortId: "", emails: "offline@example.test" }))).toEqual({
      ok: false,
      code: "INVALID_STATE",
      error: "This Cairn does not send e-mail yet: share an invite link instead.",
    });
    expect(await db.invite.count()).toBe(invitesBefore);
    expect(await db.mail.count()).toBe(mailsBefore);
  });
});
