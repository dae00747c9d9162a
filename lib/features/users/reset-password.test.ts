// Password reset links an admin hands over (docs/security.md #13, #14): a 256-bit token shown once and stored as
// its sha256, 24 hours, single use, replaced by a newer link; the public form applies the password policy,
// signs out every other session, and two concurrent uses of one link set one password.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { createPasswordResetLinkAction, requestPasswordResetAction, resetPasswordAction } from "@/lib/features/users/actions";
import { RESET_INVALID_MESSAGE, RESET_MAIL_SENT, RESET_RATE_LIMITED } from "@/lib/features/users/constants";
import { loadResetLanding } from "@/lib/features/users/loaders";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";
import { smtpServerForSuite } from "@/test/smtp-suite";

const NEW_PASSWORD = "a brand new passphrase";
const INVALID = { ok: false, code: "NOT_FOUND", error: RESET_INVALID_MESSAGE };

async function linkFor(person: { id: string }, admin?: { id: string }) {
  const issuer = admin ?? (await createUser({ isAdmin: true }));
  const result = await asUser(issuer, () => createPasswordResetLinkAction({ userId: person.id }));
  if (!result.ok) throw new Error(result.error);
  return { ...result.data, admin: issuer };
}

async function passwordHashOf(person: { id: string }) {
  return (await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash;
}

describe("creating a reset link", () => {
  it("returns a 256-bit token once, stores only its sha256, expires in 24 hours and is audited", async () => {
    const person = await createUser({ name: "Forgetful" });
    const before = Date.now();
    const { token, expiresAt, userName, admin } = await linkFor(person);
    expect(userName).toBe("Forgetful");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: person.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.createdById).toBe(admin.id);
    expect(row.expiresAt.toISOString()).toBe(expiresAt);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(24 * 3600 * 1000 - 5000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(24 * 3600 * 1000 + 5000);
    const audits = await db.auditEvent.findMany({ where: { targetId: person.id } });
    expect(audits).toEqual([expect.objectContaining({ action: "user.reset_link_create", actorId: admin.id })]);
    expect(JSON.stringify([row, audits])).not.toContain(token);
    expect(await loadResetLanding(token)).toEqual({ valid: true, name: "Forgetful", expiresAt });
  });

  it("a new link replaces the earlier unused one", async () => {
    const person = await createUser();
    const first = await linkFor(person);
    const second = await linkFor(person, first.admin);
    expect(await loadResetLanding(first.token)).toEqual({ valid: false });
    expect(await resetPasswordAction({ token: first.token, password: NEW_PASSWORD })).toEqual(INVALID);
    expect(await resetPasswordAction({ token: second.token, password: NEW_PASSWORD })).toEqual({ ok: true, data: undefined });
    expect(await db.passwordResetToken.count({ where: { userId: person.id } })).toBe(1);
  });

  it("refuses a deactivated person until they are reactivated", async () => {
    const person = await createUser({ name: "Dormant" });
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    const admin = await createUser({ isAdmin: true });
    expect(await asUser(admin, () => createPasswordResetLinkAction({ userId: person.id }))).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await db.passwordResetToken.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("using a reset link", () => {
  it("sets the new password, signs out every existing session and uses the link up", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    expect(await asUser(person, () => getViewer())).not.toBeNull();
    expect(await resetPasswordAction({ token, password: NEW_PASSWORD })).toEqual({ ok: true, data: undefined });
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await asUser(person, () => getViewer())).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", targetId: person.id, actorId: person.id } })).toBe(1);
    // Single use: the same link again, or its landing page, is the "no longer valid" page.
    expect(await loadResetLanding(token)).toEqual({ valid: false });
    expect(await resetPasswordAction({ token, password: "yet another passphrase" })).toEqual(INVALID);
    expect(await verifyPassword(await passwordHashOf(person), NEW_PASSWORD)).toBe(true);
  });

  it("an expired link, an unknown one and a malformed one all look the same and change nothing", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    await db.passwordResetToken.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const hashBefore = await passwordHashOf(person);
    for (const candidate of [token, "A".repeat(43)]) {
      expect(await loadResetLanding(candidate)).toEqual({ valid: false });
      expect(await resetPasswordAction({ token: candidate, password: NEW_PASSWORD })).toEqual(INVALID);
    }
    for (const candidate of ["short", "../../etc/passwd", "A".repeat(44)]) {
      expect(await loadResetLanding(candidate)).toEqual({ valid: false });
      expect(await resetPasswordAction({ token: candidate, password: NEW_PASSWORD })).toMatchObject({ ok: false });
    }
    expect(await passwordHashOf(person)).toBe(hashBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).sessionVersion).toBe(0);
  });

  it("a link stops working when its person is deactivated", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect(await loadResetLanding(token)).toEqual({ valid: false });
    expect(await resetPasswordAction({ token, password: NEW_PASSWORD })).toEqual(INVALID);
  });

  it.each([
    ["short", "Use at least 8 characters."],
    ["password123", "This password is too common; choose another."],
  ])("rejects the password %j under the field, keeping the link and the old password", async (password, message) => {
    const person = await createUser();
    const { token } = await linkFor(person);
    const hashBefore = await passwordHashOf(person);
    expect(await resetPasswordAction({ token, password })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      error: "Some fields need attention.",
      fieldErrors: { password: [message] },
    });
    expect(await passwordHashOf(person)).toBe(hashBefore);
    expect(await loadResetLanding(token)).toMatchObject({ valid: true });
  });

  it("rejects extra fields such as userId", async () => {
    const person = await createUser();
    const other = await createUser();
    const { token } = await linkFor(person);
    expect(await resetPasswordAction({ token, password: NEW_PASSWORD, userId: other.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await loadResetLanding(token)).toMatchObject({ valid: true });
  });

  it("two people submitting the same link at once: one new password, the other is told the link is used", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    const results = await Promise.all([
      resetPasswordAction({ token, password: "first racing passphrase" }),
      resetPasswordAction({ token, password: "second racing passphrase" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([INVALID]);
    const winner = results[0]!.ok ? "first racing passphrase" : "second racing passphrase";
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(after.passwordHash, winner)).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", targetId: person.id } })).toBe(1);
  });

  it("limits attempts per link; policy errors under the field do not count", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect(await resetPasswordAction({ token, password: "short" })).toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await resetPasswordAction({ token, password: NEW_PASSWORD })).toEqual({ ok: true, data: undefined });

    const guessed = "C".repeat(43);
    const results = [];
    for (let attempt = 0; attempt < 11; attempt += 1) results.push(await resetPasswordAction({ token: guessed, password: NEW_PASSWORD }));
    expect(results.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => INVALID));
    expect(results[10]).toEqual({ ok: false, code: "RATE_LIMITED", error: RESET_RATE_LIMITED });
  });

  it("refuses, as a failure on Cairn's side rather than too many attempts, while the limiter cannot be reached", async () => {
    const person = await createUser();
    const { token } = await linkFor(person);
    const before = await passwordHashOf(person);
    await db.$executeRaw`ALTER TABLE rate_limits RENAME TO rate_limits_unreachable`;
    try {
      expect(await resetPasswordAction({ token, password: NEW_PASSWORD })).toMatchObject({
        ok: false,
        code: "INTERNAL",
        error: expect.stringMatching(/^Something went wrong on our side/),
      });
    } finally {
      await db.$executeRaw`ALTER TABLE rate_limits_unreachable RENAME TO rate_limits`;
    }
    expect(await passwordHashOf(person)).toBe(before);
    expect(await resetPasswordAction({ token, password: NEW_PASSWORD })).toEqual({ ok: true, data: undefined });
  });
});

describe("forgot password, by e-mail (docs/security.md #52)", () => {
  const smtp = smtpServerForSuite();
  beforeEach(async () => {
    vi.stubEnv("SMTP_URL", smtp().url);
    vi.stubEnv("NEXTAUTH_URL", "https://cairn.example.org");
    await db.rateLimit.deleteMany();
  });

  const ask = (email: string) => requestPasswordResetAction({ email });

  it("mails the account a one-time link that sets a new password, and keeps no token once the mail is sent", async () => {
    const person = await createUser({ email: "forgetful@example.test", name: "Forgetful" });
    expect(await ask(" Forgetful@Example.test ")).toEqual({ ok: true, data: { message: RESET_MAIL_SENT } });
    await mailFlushJob.run(new Date());
    expect(smtp().received).toHaveLength(1);
    const [mail] = smtp().received;
    expect(mail!.to).toEqual(["forgetful@example.test"]);
    expect(mail!.subject).toBe("Reset your Cairn password");
    expect(mail!.headers["list-unsubscribe"]).toBeUndefined();
    const token = /https:\/\/cairn\.example\.org\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail!.body)?.[1];
    expect(token).toBeDefined();
    expect(await resetPasswordAction({ token: token!, password: NEW_PASSWORD })).toEqual({ ok: true, data: undefined });
    expect(await verifyPassword(await passwordHashOf(person), NEW_PASSWORD)).toBe(true);
    const stored = await db.mail.findFirstOrThrow({ where: { userId: person.id } });
    expect(stored.status).toBe("sent");
    expect(`${stored.textBody}${stored.htmlBody}`).not.toContain(token);
    expect(stored.textBody).toContain("/reset-password/[removed after sending]");
  });

  it("answers the same for an unknown address, a deactivated account and a known one, mailing only the known one", async () => {
    await createUser({ email: "known@example.test" });
    const dormant = await createUser({ email: "dormant@example.test" });
    await db.user.update({ where: { id: dormant.id }, data: { deactivatedAt: new Date() } });
    const answers = [await ask("known@example.test"), await ask("nobody@example.test"), await ask("dormant@example.test")];
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    await mailFlushJob.run(new Date());
    expect(smtp().received.map((mail) => mail.to[0])).toEqual(["known@example.test"]);
  });

  it("stops after three requests an hour for one address, known or not, and sends nothing more", async () => {
    await createUser({ email: "popular@example.test" });
    for (let index = 0; index < 3; index += 1) expect((await ask("popular@example.test")).ok).toBe(true);
    expect(await ask("popular@example.test")).toEqual({ ok: false, code: "RATE_LIMITED", error: RESET_RATE_LIMITED, fieldErrors: undefined });
    await mailFlushJob.run(new Date());
    expect(smtp().received).toHaveLength(3);
    expect(await db.passwordResetToken.count({ where: { user: { email: "popular@example.test" }, usedAt: null } })).toBe(1);
  });

  it("is not offered when Cairn sends no mail", async () => {
    vi.stubEnv("SMTP_URL", "");
    await createUser({ email: "offline@example.test" });
    expect(await ask("offline@example.test")).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await db.mail.count({ where: { toAddress: "offline@example.test" } })).toBe(0);
  });
});
