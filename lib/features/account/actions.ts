"use server";

// Every export here is a public endpoint (docs/decisions/005). Each acts on the signed-in person only: the user id
// comes from the session, checked against the database (requireViewer), never from the input, and the strict
// schemas refuse any extra field such as a userId.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { renewSession, requireViewer } from "@/lib/auth/viewer";
import { consumeRateLimit, resetRateLimit } from "@/lib/db/rate-limit";
import { AppError } from "@/lib/errors";
import { PASSWORD_CHANGE_LIMIT, PASSWORD_RATE_LIMITED } from "@/lib/features/account/constants";
import { changePassword, updateProfile } from "@/lib/features/account/mutations";
import { changePasswordSchema, profileSchema, type ProfileInput } from "@/lib/features/account/schema";

/** Settings → Profile: name and time zone. */
export async function updateProfileAction(input: unknown): Promise<ActionResult<ProfileInput>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    return updateProfile(await actorOf(viewer), parseInput(profileSchema, input));
  });
}

/**
 * Settings → Password. Attempts count per person like sign-in's (docs/security.md #11); a right current password
 * starts the count afresh. This session stays signed in with the new session version; all others are signed out.
 */
export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const parsed = parseInput(changePasswordSchema, input);
    const limitKey = `password-change:user:${viewer.id}`;
    if (!(await consumeRateLimit(limitKey, PASSWORD_CHANGE_LIMIT)).allowed) throw new AppError("RATE_LIMITED", PASSWORD_RATE_LIMITED);
    const { sessionVersion } = await changePassword(await actorOf(viewer), parsed);
    await resetRateLimit(limitKey);
    await renewSession(sessionVersion);
    return undefined;
  });
}
