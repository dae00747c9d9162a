import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/features/audit/mutations";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import { queueMail } from "@/lib/features/mail/mutations";
import { passwordResetMail } from "@/lib/features/mail/utils";
import { passwordSignInRefused } from "@/lib/auth/sso-settings";
import { kick } from "@/lib/jobs/boss";
import { publicBaseUrl } from "@/lib/mailer";
import {
  LAST_ADMIN_MESSAGE,
  RESET_INVALID_MESSAGE,
  RESET_LINK_TTL_HOURS,
  SELF_DEACTIVATE_MESSAGE,
  USER_NOT_FOUND,
} from "@/lib/features/users/constants";
import { releaseClaimsWithoutAccess } from "@/lib/features/reviews/mutations";
import { getResetLanding, hashResetToken } from "@/lib/features/users/data";
import { canDeactivateUser } from "@/lib/features/users/policy";
import type { NewAccount } from "@/lib/features/users/schema";
import type { CreatedResetLink } from "@/lib/features/users/types";

/** Creates an instance admin (`npm run admin:create`); the only way in outside demo mode. */
export async function createAdmin(account: NewAccount) {
  const passwordHash = await hashPassword(account.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `A person with the email ${account.email} already exists.`);
    const user = await tx.user.create({
      data: { email: account.email, name: account.name, passwordHash, isAdmin: true },
      select: { id: true, email: true },
    });
    await writeAudit(tx, { actor: null, action: "user.create_admin", targetType: "user", targetId: user.id, after: { email: user.email, isAdmin: true } });
    return user;
  });
}

// ——— Admin → Users ———

type Target = { id: string; name: string };

/**
 * Serialises every change that can take away an admin (demotion, deactivation) for the rest of the
 * transaction, so two admins demoting each other at once cannot both pass the "another admin remains"
 * check: the second one waits, then counts what the first one committed.
 */
async function lockAdmins(tx: Tx) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('cairn.active-admins'))::text AS locked`;
}

/** Refuses when `userId` is the only active admin left. Call after lockAdmins. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { isAdmin: true, deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("INVALID_STATE", LAST_ADMIN_MESSAGE);
}

/**
 * "Make admin" / "Remove admin". The viewer's admin flag is read from the database on every request
 * (docs/decisions/003), so a demotion applies on the demoted person's very next request.
 */
export async function setAdmin(actor: Actor, target: Target, isAdmin: boolean): Promise<{ isAdmin: boolean }> {
  return db.$transaction(async (tx) => {
    if (!isAdmin) await lockAdmins(tx);
    const current = await tx.user.findUnique({ where: { id: target.id }, select: { isAdmin: true, deactivatedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", USER_NOT_FOUND);
    if (current.isAdmin === isAdmin) {
      throw new AppError("INVALID_STATE", isAdmin ? `${target.name} is already an admin.` : `${target.name} is not an admin.`);
    }
    if (isAdmin && current.deactivatedAt) throw new AppError("INVALID_STATE", `Reactivate ${target.name} first.`);
    if (!isAdmin && !current.deactivatedAt) await assertAnotherActiveAdmin(tx, target.id);
    await tx.user.update({ where: { id: target.id }, data: { isAdmin } });
    // A former admin keeps only the claims in cohorts they mentor (docs/security.md #41).
    const claimsReleased = isAdmin ? 0 : await releaseClaimsWithoutAccess(tx, target.id);
    await writeAudit(tx, {
      actor,
      targetType: "user",
      action: isAdmin ? "user.grant_admin" : "user.revoke_admin",
      targetId: target.id,
      before: { isAdmin: current.isAdmin },
      after: { isAdmin, ...(claimsReleased > 0 ? { claimsReleased } : {}) },
    });
    return { isAdmin };
  });
}

/**
 * "Deactivate": they cannot sign in, and the session version bump signs them out everywhere on their
 * next request. Their work, memberships and history stay; their review claims are released.
 */
export async function deactivateUser(actor: Actor, target: Target): Promise<{ deactivatedAt: string }> {
  if (!canDeactivateUser(actor, target)) throw new AppError("INVALID_STATE", SELF_DEACTIVATE_MESSAGE);
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const current = await tx.user.findUnique({ where: { id: target.id }, select: { isAdmin: true, deactivatedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", USER_NOT_FOUND);
    if (current.deactivatedAt) throw new AppError("INVALID_STATE", `${target.name} is already deactivated.`);
    if (current.isAdmin) await assertAnotherActiveAdmin(tx, target.id);
    const deactivatedAt = new Date();
    await tx.user.update({
      where: { id: target.id },
      data: { deactivatedAt, sessionVersion: { increment: 1 } },
    });
    // A reset link handed out before must not bring them back.
    await tx.passwordResetToken.deleteMany({ where: { userId: target.id, usedAt: null } });
    // Their review claims free up now, not 30 minutes later (docs/security.md #41).
    const claimsReleased = await releaseClaimsWithoutAccess(tx, target.id);
    await writeAudit(tx, {
      actor,
      targetType: "user",
      action: "user.deactivate",
      targetId: target.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: deactivatedAt.toISOString(), ...(claimsReleased > 0 ? { claimsReleased } : {}) },
    });
    return { deactivatedAt: deactivatedAt.toISOString() };
  });
}

/** "Reactivate": they can sign in again with their password; sessions from before stay revoked. */
export async function reactivateUser(actor: Actor, target: Target): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: target.id }, select: { deactivatedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", USER_NOT_FOUND);
    const { count } = await tx.user.updateMany({ where: { id: target.id, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
    if (count === 0) throw new AppError("INVALID_STATE", `${target.name} is already active.`);
    await writeAudit(tx, {
      actor,
      targetType: "user",
      action: "user.reactivate",
      targetId: target.id,
      before: { deactivatedAt: current.deactivatedAt?.toISOString() ?? null },
      after: { deactivatedAt: null },
    });
  });
}

/**
 * "Create reset link": a 256-bit token an admin hands over. Only its sha256 is stored; it works once,
 * for RESET_LINK_TTL_HOURS, and replaces any earlier unused link for the same person.
 */
export async function createPasswordResetLink(actor: Actor, target: Target, now = new Date()): Promise<CreatedResetLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_HOURS * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: target.id }, select: { deactivatedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", USER_NOT_FOUND);
    if (current.deactivatedAt) throw new AppError("INVALID_STATE", `Reactivate ${target.name} first; a deactivated account cannot sign in.`);
    const { count: replaced } = await tx.passwordResetToken.deleteMany({ where: { userId: target.id, usedAt: null } });
    await tx.passwordResetToken.create({
      data: { userId: target.id, tokenHash: hashResetToken(token), expiresAt, createdById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      targetType: "user",
      action: "user.reset_link_create",
      targetId: target.id,
      after: { expiresAt: expiresAt.toISOString(), replacedLinks: replaced },
    });
    return { token, expiresAt: expiresAt.toISOString(), userName: target.name };
  });
}

/**
 * /forgot-password: mails a reset link to the account using `email`, when there is one that may sign in with a
 * password (active; not a non-admin while only single sign-on is allowed). Like an admin's link, it works once, for
 * RESET_LINK_TTL_HOURS, and replaces earlier unused ones. Says nothing about whether the address has an account:
 * the caller answers the same either way.
 */
export async function mailPasswordResetLink(email: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, isAdmin: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) return;
  if (!user.isAdmin && (await passwordSignInRefused())) return;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_HOURS * 3600 * 1000);
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt } });
    const content = passwordResetMail({ name: user.name, url: `${publicBaseUrl()}/reset-password/${token}`, validFor: `${RESET_LINK_TTL_HOURS} hours` });
    await queueMail(tx, { userId: user.id, to: user.email, kind: "password_reset", content });
  });
  kick(MAIL_FLUSH_JOB);
}

/**
 * /reset-password/[token] → "Set new password". The token is taken in one conditional UPDATE (unused,
 * unexpired, its person active), so two submissions of the same link yield one new password. The session
 * version bump signs out every existing session.
 */
export async function resetPasswordWithToken(token: string, password: string, requestId: string | null): Promise<void> {
  const tokenHash = hashResetToken(token);
  // Cheap check first: hashing is slow on purpose and should not be spent on dead links.
  if (!(await getResetLanding(token)).valid) throw new AppError("NOT_FOUND", RESET_INVALID_MESSAGE);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ user_id: string }[]>`
      UPDATE password_reset_tokens SET used_at = now(), updated_at = now()
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
        AND EXISTS (SELECT 1 FROM users WHERE users.id = password_reset_tokens.user_id AND users.deactivated_at IS NULL)
      RETURNING user_id::text AS user_id`;
    const userId = rows[0]?.user_id;
    if (!userId) throw new AppError("NOT_FOUND", RESET_INVALID_MESSAGE);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.passwordResetToken.deleteMany({ where: { userId, usedAt: null } });
    await writeAudit(tx, {
      actor: { id: userId, requestId },
      action: "user.password_reset",
      targetType: "user",
      targetId: userId,
      after: { sessionsRevoked: true },
    });
  });
}
