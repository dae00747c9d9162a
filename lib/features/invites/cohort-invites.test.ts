// Invite links end to end through the real actions: creation (token shown once, stored hashed),
// the public landing, accepting with a new account under the password policy, joining signed in,
// expiry, revocation, the use limit and the race for the last use (docs/security.md #14).
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import {
  acceptInviteAction,
  createInviteAction,
  emailInstanceInvitesAction,
  emailInvitesAction,
  joinCohortAction,
  revokeInviteAction,
} from "@/lib/features/invites/actions";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { smtpServerForSuite } from "@/test/smtp-suite";
import { loadCohortInvites, loadInviteLanding } from "@/lib/features/invites/loaders";
import { EMAIL_INVITES_LIMITED, EMAIL_INVITES_PER_DAY, INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { createInvite } from "@/prisma/factories/invites";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let versionId: string;
let sequence = 0;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

async function cohortWithMentor(name = "Invite Cohort") {
  const cohort = await createCohort({ versionId, name });
  const mentor = await createUser({ name: `Mentor of ${name}` });
  await addMember(cohort.id, mentor.id, "mentor");
  return { cohort, mentor };
}

function account(token: string, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return { token, name: `New Person ${sequence}`, email: `new-person-${sequence}@example.test`, password: "a long enough passphrase", ...overrides };
}

const INVALID = { ok: false, code: "NOT_FOUND", error: INVITE_INVALID_MESSAGE };

describe("creating and revoking invite links", () => {
  it("returns a 256-bit token once and stores only its sha256", async () => {
    const { cohort, mentor } = await cohortWithMentor();
    const result = await asUser(mentor, () => createInviteAction({ cohortId: cohort.id, role: "learner", expiresInDays: "7", maxUses: "5" }));
    expect(result).toMatchObject({ ok: true, data: { invite: { role: "learner", maxUses: 5, useCount: 0, state: "active" } } });
    const { token, invite } = (result as { data: { token: string; invite: { id: string; expiresAt: string } } }).data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const expiresIn = Date.parse(invite.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);

    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    // The token itself is nowhere in the database: not in the invite, not in the audit trail.
    const everything = JSON.stringify([row, await db.auditEvent.findMany({ where: { cohortId: cohort.id } })]);
    expect(everything).not.toContain(token);
    expect(await db.auditEvent.count({ where: { action: "invite.create", targetId: invite.id, actorId: mentor.id } })).toBe(1);

    // The members page lists it without any token.
    const invites = await asUser(mentor, () => loadCohortInvites(mentor, cohort.id));
    expect(invites).toEqual([expect.objectContaining({ id: invite.id, useCount: 0, maxUses: 5, createdByName: mentor.name })]);
    expect(JSON.stringify(invites)).not.toContain(token);
  });

  it("revoking makes the link invalid at once; revoking again says so", async () => {
    const { cohort, mentor } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 10 });
    expect(await loadInviteLanding(token)).toMatchObject({ valid: true, cohortName: cohort.name, role: "learner" });
    expect(await asUser(mentor, () => revokeInviteAction({ inviteId: invite.id }))).toEqual({ ok: true, data: undefined });
    expect(await loadInviteLanding(token)).toEqual({ valid: false });
    expect(await acceptInviteAction(account(token))).toEqual(INVALID);
    expect(await asUser(mentor, () => revokeInviteAction({ inviteId: invite.id }))).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await db.auditEvent.count({ where: { action: "invite.revoke", targetId: invite.id } })).toBe(1);
    const invites = await asUser(mentor, () => loadCohortInvites(mentor, cohort.id));
    expect(invites[0]).toMatchObject({ state: "revoked" });
  });

  it("refuses a mentor of another cohort, and validates role, expiry and uses", async () => {
    const { cohort } = await cohortWithMentor();
    const { mentor: otherMentor } = await cohortWithMentor("Other");
    expect(await asUser(otherMentor, () => createInviteAction({ cohortId: cohort.id, role: "learner", expiresInDays: 7, maxUses: 1 }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const admin = await createUser({ isAdmin: true });
    const bad = await asUser(admin, () => createInviteAction({ cohortId: cohort.id, role: "admin", expiresInDays: 0, maxUses: 0 }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["expiresInDays", "maxUses", "role"]);
    expect(await db.invite.count({ where: { cohortId: cohort.id } })).toBe(0);
  });
});

describe("the invite page", () => {
  it("shows expired, revoked, used-up, unknown and malformed tokens exactly alike", async () => {
    const { cohort } = await cohortWithMentor();
    const expired = await createInvite({ cohortId: cohort.id, expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createInvite({ cohortId: cohort.id, revokedAt: new Date() });
    const usedUp = await createInvite({ cohortId: cohort.id, maxUses: 2, useCount: 2 });
    const unknown = "A".repeat(43);
    for (const token of [expired.token, revoked.token, usedUp.token, unknown, "short", "../../etc/passwd"]) {
      expect(await loadInviteLanding(token), token).toEqual({ valid: false });
      expect(await acceptInviteAction(account(token)), token).toMatchObject({ ok: false });
    }
    for (const token of [expired.token, revoked.token, usedUp.token, unknown]) {
      expect(await acceptInviteAction(account(token)), token).toEqual(INVALID);
    }
    expect(await db.user.count({ where: { email: { startsWith: "new-person-" } } })).toBe(0);
  });

  it("treats an invite to an archived cohort as invalid", async () => {
    const { cohort } = await cohortWithMentor();
    const { token } = await createInvite({ cohortId: cohort.id });
    await db.cohort.update({ where: { id: cohort.id }, data: { archivedAt: new Date() } });
    expect(await loadInviteLanding(token)).toEqual({ valid: false });
    expect(await acceptInviteAction(account(token))).toEqual(INVALID);
  });
});

describe("accepting signed out", () => {
  it("creates the account under the password policy and joins with the invite's role", async () => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 3 });
    const input = account(token, { email: "  Ada.Lovelace@Example.test ", password: "ünïcødé passphrase 🔑" });
    const result = await acceptInviteAction(input);
    expect(result).toEqual({
      ok: true,
      data: { cohortId: cohort.id, role: "learner", home: `/roadmap?cohort=${cohort.id}`, alreadyMember: false },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada.lovelace@example.test" } });
    expect(user.isAdmin).toBe(false);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "ünïcødé passphrase 🔑")).toBe(true);
    expect(await db.membership.findUniqueOrThrow({ where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } } })).toMatchObject({
      role: "learner",
      removedAt: null,
    });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
    expect(await db.inviteRedemption.count({ where: { inviteId: invite.id, userId: user.id } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "invite.redeem", targetId: invite.id } })).toMatchObject({
      actorId: user.id,
      cohortId: cohort.id,
    });
  });

  it("a mentor invite makes a mentor", async () => {
    const { cohort } = await cohortWithMentor();
    const { token } = await createInvite({ cohortId: cohort.id, role: "mentor" });
    const result = await acceptInviteAction(account(token));
    expect(result).toMatchObject({ ok: true, data: { role: "mentor", home: `/cohorts/${cohort.id}/members` } });
    expect(await db.membership.count({ where: { cohortId: cohort.id, role: "mentor" } })).toBe(2);
  });

  it.each([
    ["too short", { password: "short1" }, "password"],
    ["too common", { password: "Password123" }, "password"],
    ["missing name", { name: " " }, "name"],
    ["bad email", { email: "not-an-email" }, "email"],
  ])("refuses a %s field next to it and creates nothing", async (_, overrides, field) => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id });
    const users = await db.user.count();
    const result = await acceptInviteAction(account(token, overrides));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [expect.any(String)] } });
    expect(await db.user.count()).toBe(users);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 0 });
  });

  it("refuses an email that already has an account, and extra fields such as isAdmin (docs/security.md #7)", async () => {
    const { cohort } = await cohortWithMentor();
    const existing = await createUser();
    const { token, invite } = await createInvite({ cohortId: cohort.id });
    expect(await acceptInviteAction(account(token, { email: existing.email }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });
    expect(await acceptInviteAction({ ...account(token), isAdmin: true })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await acceptInviteAction({ ...account(token), role: "mentor" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 0 });
    expect(await db.membership.count({ where: { cohortId: cohort.id } })).toBe(1);
  });

  it("stops at the use limit", async () => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 2 });
    expect(await acceptInviteAction(account(token))).toMatchObject({ ok: true });
    expect(await acceptInviteAction(account(token))).toMatchObject({ ok: true });
    expect(await acceptInviteAction(account(token))).toEqual(INVALID);
    expect(await loadInviteLanding(token)).toEqual({ valid: false });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 2 });
    expect(await db.membership.count({ where: { cohortId: cohort.id, role: "learner" } })).toBe(2);
  });

  it("lets exactly one of several people racing for the last use succeed", async () => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 3, useCount: 2 });
    const inputs = Array.from({ length: 4 }, () => account(token));
    const results = await Promise.all(inputs.map((input) => acceptInviteAction(input)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 3 }, () => INVALID));
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 3 });
    expect(await db.user.count({ where: { email: { in: inputs.map((input) => input.email) } } })).toBe(1);
    expect(await db.membership.count({ where: { cohortId: cohort.id, role: "learner" } })).toBe(1);
  });
});

describe("joining signed in", () => {
  async function join(user: User, token: string) {
    return asUser(user, () => joinCohortAction({ token }));
  }

  it("joins with the current account; someone already in the cohort keeps their membership and the use", async () => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 5 });
    const person = await createUser();
    expect(await join(person, token)).toEqual({
      ok: true,
      data: { cohortId: cohort.id, role: "learner", home: `/roadmap?cohort=${cohort.id}`, alreadyMember: false },
    });
    expect(await join(person, token)).toEqual({
      ok: true,
      data: { cohortId: cohort.id, role: "learner", home: `/roadmap?cohort=${cohort.id}`, alreadyMember: true },
    });
    expect(await loadInviteLanding(token, { ...person, isAdmin: false })).toMatchObject({ valid: true, viewerRole: "learner" });
    expect(await db.membership.count({ where: { cohortId: cohort.id, userId: person.id } })).toBe(1);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
  });

  it("an active member opening a link for another role keeps their role, is told why, and takes no use (docs/security.md #35)", async () => {
    const { cohort, mentor } = await cohortWithMentor();
    const learner = await createUser();
    await addMember(cohort.id, learner.id, "learner");
    const learnerLink = await createInvite({ cohortId: cohort.id, role: "learner", maxUses: 5 });
    const mentorLink = await createInvite({ cohortId: cohort.id, role: "mentor", maxUses: 5 });

    expect(await join(mentor, learnerLink.token)).toEqual({
      ok: true,
      data: {
        cohortId: cohort.id,
        role: "mentor",
        home: `/cohorts/${cohort.id}/members`,
        alreadyMember: true,
        notice: "You are already a mentor in this cohort. This link is for learners, so it does not change your role; ask whoever manages the cohort if it should.",
      },
    });
    expect(await join(learner, mentorLink.token)).toMatchObject({
      ok: true,
      data: { role: "learner", alreadyMember: true, notice: expect.stringContaining("This link is for mentors, so it does not change your role") },
    });
    const roles = await db.membership.findMany({ where: { cohortId: cohort.id }, select: { userId: true, role: true, removedAt: true } });
    expect(roles).toEqual(
      expect.arrayContaining([
        { userId: mentor.id, role: "mentor", removedAt: null },
        { userId: learner.id, role: "learner", removedAt: null },
      ]),
    );
    expect(await db.invite.count({ where: { cohortId: cohort.id, useCount: { gt: 0 } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "invite.redeem", cohortId: cohort.id } })).toBe(0);
    // The invite page says the same before anyone clicks.
    expect(await loadInviteLanding(learnerLink.token, { ...mentor, isAdmin: false })).toMatchObject({ role: "learner", viewerRole: "mentor" });
  });

  it("brings someone removed back on the same membership, with the invite's role (docs/security.md #35)", async () => {
    const { cohort } = await cohortWithMentor();
    const person = await createUser();
    const membership = await addMember(cohort.id, person.id, "learner");
    await db.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    const { token, invite } = await createInvite({ cohortId: cohort.id, role: "mentor" });
    expect(await join(person, token)).toEqual({
      ok: true,
      data: { cohortId: cohort.id, role: "mentor", home: `/cohorts/${cohort.id}/members`, alreadyMember: false },
    });
    expect(await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({ removedAt: null, role: "mentor" });
    expect(await db.membership.count({ where: { cohortId: cohort.id, userId: person.id } })).toBe(1);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "invite.redeem", targetId: invite.id } })).toMatchObject({
      actorId: person.id,
      before: { userId: person.id, role: "learner", removedAt: expect.any(String) },
      after: { userId: person.id, role: "mentor", removedAt: null, reactivated: true },
    });
  });

  it("lets one of two simultaneous joins by the same person take a use; the other reports the membership", async () => {
    const { cohort } = await cohortWithMentor();
    const { token, invite } = await createInvite({ cohortId: cohort.id, maxUses: 5 });
    const person = await createUser();
    const results = await Promise.all([join(person, token), join(person, token), join(person, token)]);
    expect(results.map((result) => result.ok && result.data.role)).toEqual(["learner", "learner", "learner"]);
    expect(results.filter((result) => result.ok && !result.data.alreadyMember)).toHaveLength(1);
    expect(await db.membership.count({ where: { cohortId: cohort.id, userId: person.id } })).toBe(1);
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
  });

  it("an admin invite makes an admin once; an admin opening it again takes no use", async () => {
    const person = await createUser();
    const { token, invite } = await createInvite({ cohortId: null, role: "admin", maxUses: 3 });
    expect(await join(person, token)).toMatchObject({ ok: true, data: { role: "admin", home: "/admin", alreadyMember: false } });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ isAdmin: true });
    expect(await join(person, token)).toEqual({ ok: true, data: { cohortId: null, role: "admin", home: "/admin", alreadyMember: true } });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({ useCount: 1 });
  });

  it("refuses invalid links", async () => {
    const { cohort } = await cohortWithMentor();
    const person = await createUser();
    const expired = await createInvite({ cohortId: cohort.id, expiresAt: new Date(Date.now() - 1) });
    expect(await join(person, expired.token)).toEqual(INVALID);
    expect(await join(person, "x")).toMatchObject({ ok: false });
    expect(await db.membership.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("inviting by e-mail", () => {
  const smtp = smtpServerForSuite();

  it("mails each address its own single-use link into the cohort, and the link works", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    vi.stubEnv("NEXTAUTH_URL", "https://cairn.example.org");
    const { cohort, mentor } = await cohortWithMentor("Mailed Cohort");
    const result = await asUser(mentor, () =>
      emailInvitesAction({ cohortId: cohort.id, role: "learner", emails: "ada@example.test, bo@example.test\nADA@example.test" }),
    );
    expect(result).toEqual({ ok: true, data: { sent: 2 } });
    expect(await db.invite.findMany({ where: { cohortId: cohort.id }, select: { role: true, maxUses: true } })).toEqual([
      { role: "learner", maxUses: 1 },
      { role: "learner", maxUses: 1 },
    ]);
    // The Members page's list says whom each went to, so a mentor sees who has not joined yet.
    expect((await asUser(mentor, () => loadCohortInvites(mentor, cohort.id))).map((invite) => invite.sentTo).sort()).toEqual(["ada@example.test", "bo@example.test"]);
    await mailFlushJob.run(new Date());
    expect(smtp().received.map((mail) => mail.to[0]).sort()).toEqual(["ada@example.test", "bo@example.test"]);
    const [mail] = smtp().received;
    expect(mail!.subject).toBe(`${mentor.name} invited you to join Mailed Cohort as a learner on Cairn`);
    const token = /https:\/\/cairn\.example\.org\/invite\/([A-Za-z0-9_-]{43})/.exec(mail!.body)?.[1];
    expect(await acceptInviteAction(account(token!, { email: mail!.to[0] }))).toMatchObject({ ok: true });
    expect(await acceptInviteAction(account(token!))).toEqual(INVALID);
  });

  it("mails at most 200 invites a day per sender, over both pages; a refused list writes and counts nothing", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    const { cohort, mentor } = await cohortWithMentor("Busy Cohort");
    await consumeRateLimit(`invites:mail:${mentor.id}`, { points: EMAIL_INVITES_PER_DAY, windowSeconds: 24 * 3600 }, EMAIL_INVITES_PER_DAY - 3);
    const mailsBefore = await db.mail.count();
    const tooMany = await asUser(mentor, () => emailInvitesAction({ cohortId: cohort.id, role: "learner", emails: "a@example.test, b@example.test, c@example.test, d@example.test" }));
    expect(tooMany).toMatchObject({ ok: false, code: "RATE_LIMITED", error: EMAIL_INVITES_LIMITED });
    expect(await db.invite.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.mail.count()).toBe(mailsBefore);
    expect(await asUser(mentor, () => emailInvitesAction({ cohortId: cohort.id, role: "learner", emails: "a@example.test, b@example.test, c@example.test" }))).toEqual({ ok: true, data: { sent: 3 } });
    await db.user.update({ where: { id: mentor.id }, data: { isAdmin: true } });
    expect(await asUser(mentor, () => emailInstanceInvitesAction({ role: "mentor", cohortId: "", emails: "e@example.test" }))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("refuses a list with a bad address and writes nothing", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    const { cohort, mentor } = await cohortWithMentor("Typo Cohort");
    const mailsBefore = await db.mail.count();
    const result = await asUser(mentor, () => emailInvitesAction({ cohortId: cohort.id, role: "learner", emails: "ada@example.test, not-an-address" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { emails: ["Not an e-mail address: not-an-address"] } });
    expect(await db.invite.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.mail.count()).toBe(mailsBefore);
  });

  it("is refused to a mentor of another cohort, and when Cairn sends no mail", async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    const { cohort } = await cohortWithMentor("Guarded Cohort");
    const { mentor: stranger } = await cohortWithMentor("Other Cohort");
    expect(await asUser(stranger, () => emailInvitesAction({ cohortId: cohort.id, role: "mentor", emails: "x@example.test" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    vi.stubEnv("SMTP_URL", "");
    const { cohort: own, mentor } = await cohortWithMentor("Offline Cohort");
    expect(await asUser(mentor, () => emailInvitesAction({ cohortId: own.id, role: "learner", emails: "x@example.test" }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
    });
    expect(await db.invite.count({ where: { cohortId: { in: [cohort.id, own.id] } } })).toBe(0);
  });
});
