"use server";

// Every export here is a public endpoint (docs/decisions/005). The admin actions resolve the viewer from
// the session and read the admin flag from the database (requireAdminForAction); anyone else gets the same
// "not found" as a missing page, and nothing changes. resetPasswordAction is public by design: the token
// in the link is the only credential, and it is rate limited; requestPasswordResetAction only ever mails the
// address's own account, and answers alike whether it exists.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf, currentRequestId, requestHeaders } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, limiterAddress } from "@/lib/db/rate-limit";
import { RESET_MAIL_SENT, RESET_RATE_LIMITED, USER_NOT_FOUND } from "@/lib/features/users/constants";
import { getUserScope, hashResetToken } from "@/lib/features/users/data";
import {
  createPasswordResetLink,
  deactivateUser,
  mailPasswordResetLink,
  reactivateUser,
  resetPasswordWithToken,
  setAdmin,
} from "@/lib/features/users/mutations";
import { forgotPasswordSchema, resetPasswordSchema, setAdminSchema, userRefSchema } from "@/lib/features/users/schema";
import { mailConfigured } from "@/lib/mailer";
import type { CreatedResetLink } from "@/lib/features/users/types";

async function targetUser(userId: string) {
  const user = await getUserScope(userId);
  if (!user) throw new AppError("NOT_FOUND", USER_NOT_FOUND);
  return user;
}

/** "Make admin" / "Remove admin" (after the confirmation dialog). */
export async function setAdminAction(input: unknown): Promise<ActionResult<{ isAdmin: boolean }>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { userId, isAdmin } = parseInput(setAdminSchema, input);
    return setAdmin(await actorOf(viewer), await targetUser(userId), isAdmin);
  });
}

export async function deactivateUserAction(input: unknown): Promise<ActionResult<{ deactivatedAt: string }>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { userId } = parseInput(userRefSchema, input);
    return deactivateUser(await actorOf(viewer), await targetUser(userId));
  });
}

export async function reactivateUserAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { userId } = parseInput(userRefSchema, input);
    await reactivateUser(await actorOf(viewer), await targetUser(userId));
    return undefined;
  });
}

/** "Create reset link": the token comes back once, in this response only. */
export async function createPasswordResetLinkAction(input: unknown): Promise<ActionResult<CreatedResetLink>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { userId } = parseInput(userRefSchema, input);
    return createPasswordResetLink(await actorOf(viewer), await targetUser(userId));
  });
}

const RESET_PER_LINK = { points: 10, windowSeconds: 15 * 60 };
const RESET_PER_ADDRESS = { points: 30, windowSeconds: 15 * 60 };

/**
 * Attempts per link and per client address (the one Cairn's server recorded; see limiterAddress for requests without
 * one). A limiter that cannot be reached throws: the reset is refused (closed) with runAction's "something went
 * wrong on our side", not a misleading "too many attempts".
 */
async function withinResetLimits(token: string): Promise<boolean> {
  const byLink = await consumeRateLimit(`reset:link:${hashResetToken(token)}`, RESET_PER_LINK);
  const byAddress = await consumeRateLimit(`reset:address:${limiterAddress(await requestHeaders())}`, RESET_PER_ADDRESS);
  return byLink.allowed && byAddress.allowed;
}

/** Public (/reset-password/[token]): set a new password under the policy, then sign in on /login. */
export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { token, password } = parseInput(resetPasswordSchema, input);
    if (!(await withinResetLimits(token))) throw new AppError("RATE_LIMITED", RESET_RATE_LIMITED);
    await resetPasswordWithToken(token, password, await currentRequestId());
    return undefined;
  });
}

const FORGOT_PER_EMAIL = { points: 3, windowSeconds: 60 * 60 };
const FORGOT_PER_ADDRESS = { points: 10, windowSeconds: 15 * 60 };

/**
 * Public (/forgot-password, shown only when mail is configured): mails a reset link to the address if an account
 * uses it, and answers the same sentence either way. Limited per address asked for (so nobody floods one inbox) and
 * per client address; both count whether or not the account exists.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const { email } = parseInput(forgotPasswordSchema, input);
    if (!mailConfigured()) throw new AppError("INVALID_STATE", "This Cairn does not send e-mail. Ask an admin for a reset link.");
    const byEmail = await consumeRateLimit(`forgot:email:${email}`, FORGOT_PER_EMAIL);
    const byAddress = await consumeRateLimit(`forgot:address:${limiterAddress(await requestHeaders())}`, FORGOT_PER_ADDRESS);
    if (!byEmail.allowed || !byAddress.allowed) throw new AppError("RATE_LIMITED", RESET_RATE_LIMITED);
    await mailPasswordResetLink(email);
    return { message: RESET_MAIL_SENT };
  });
}
