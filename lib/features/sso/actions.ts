"use server";

// Every export here is a public endpoint (docs/decisions/005). Saving sign-in methods takes the admin flag as the
// database says now. Starting a single sign-on from an invite page is public by design: the invite token is the
// only credential, checked here and again, under lock, when the account is created.
import { cookies } from "next/headers";
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { sessionCookieOptions } from "@/lib/auth/session-token";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { INVITE_INVALID_MESSAGE } from "@/lib/features/invites/constants";
import { loadInviteLanding } from "@/lib/features/invites/loaders";
import { SSO_INVITE_COOKIE, SSO_INVITE_COOKIE_MAX_AGE_SECONDS, SSO_ONLY_NEEDS_PROVIDER } from "@/lib/features/sso/constants";
import { getSsoProviders } from "@/lib/features/sso/data";
import { updateSignInSettings } from "@/lib/features/sso/mutations";
import { signInSettingsSchema, startInviteSsoSchema } from "@/lib/features/sso/schema";

/** Admin → Sign-in methods → "Save". */
export async function updateSignInSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const settings = parseInput(signInSettingsSchema, input);
    if (settings.ssoOnly && getSsoProviders().length === 0) {
      throw new AppError("INVALID_INPUT", "Some fields need attention.", { ssoOnly: [SSO_ONLY_NEEDS_PROVIDER] });
    }
    await updateSignInSettings(await actorOf(viewer), settings);
    return undefined;
  });
}

/**
 * "Continue with …" on an invite page, signed out: remembers the invite in an httpOnly cookie for the provider's
 * round trip; the browser then starts next-auth's sign-in. The sign-in callback redeems it.
 */
export async function startInviteSsoAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { token } = parseInput(startInviteSsoSchema, input);
    const landing = await loadInviteLanding(token, null);
    if (!landing.valid) throw new AppError("NOT_FOUND", INVITE_INVALID_MESSAGE);
    (await cookies()).set(SSO_INVITE_COOKIE, token, { ...sessionCookieOptions(), maxAge: SSO_INVITE_COOKIE_MAX_AGE_SECONDS });
    return undefined;
  });
}
