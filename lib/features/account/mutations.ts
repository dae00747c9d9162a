import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ACCOUNT_CHANGED, WRONG_CURRENT_PASSWORD } from "@/lib/features/account/constants";
import type { ChangePasswordInput, ProfileInput } from "@/lib/features/account/schema";
import { writeAudit } from "@/lib/features/audit/mutations";

const ACCOUNT_GONE = "This account no longer exists.";

/** Settings → Profile: the person's own name and time zone; the audit row lists only what changed. */
export async function updateProfile(actor: Actor, input: ProfileInput): Promise<ProfileInput> {
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, timeZone: true } });
    if (!current) throw new AppError("NOT_FOUND", ACCOUNT_GONE);
    const changed = (Object.keys(input) as (keyof ProfileInput)[]).filter((field) => current[field] !== input[field]);
    if (changed.length === 0) return input;
    await tx.user.update({ where: { id: actor.id }, data: input });
    await writeAudit(tx, {
      actor,
      action: "user.profile_update",
      targetType: "user",
      targetId: actor.id,
      before: Object.fromEntries(changed.map((field) => [field, current[field]])),
      after: Object.fromEntries(changed.map((field) => [field, input[field]])),
    });
    return input;
  });
}

/**
 * Settings → Password. A wrong current password changes nothing. The new hash and the session version bump are one
 * conditional UPDATE on the hash that was checked, so two changes at once cannot both win, and every session but
 * the caller's (which the action re-issues) is signed out. Answers the new session version.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", ACCOUNT_GONE);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", WRONG_CURRENT_PASSWORD, { currentPassword: [WRONG_CURRENT_PASSWORD] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ session_version: number }[]>`
      UPDATE users SET password_hash = ${passwordHash}, session_version = session_version + 1, updated_at = now()
       WHERE id = ${actor.id}::uuid AND password_hash = ${user.passwordHash} AND deactivated_at IS NULL
      RETURNING session_version`;
    if (!row) throw new AppError("CONFLICT", ACCOUNT_CHANGED);
    // A reset link handed out earlier must not undo the password the person just chose.
    await tx.passwordResetToken.deleteMany({ where: { userId: actor.id, usedAt: null } });
    await writeAudit(tx, {
      actor,
      action: "user.password_change",
      targetType: "user",
      targetId: actor.id,
      after: { otherSessionsRevoked: true },
    });
    return { sessionVersion: row.session_version };
  });
}
