/** The error code next-auth hands to the sign-in form when the login rate limit refuses an attempt. */
export const LOGIN_RATE_LIMITED = "RATE_LIMITED";

/**
 * The error code for a sign-in that could not be checked — the rate limiter's store or the database is unreachable —
 * and was refused (docs/security.md #11). The form says Cairn is unavailable, not that there were too many attempts.
 */
export const LOGIN_UNAVAILABLE = "UNAVAILABLE";

/**
 * The error code for the right password of a deactivated account. Only a caller who knows the password learns that
 * the account is deactivated; a wrong password still reads like an unknown email (docs/security.md #12).
 */
export const LOGIN_DEACTIVATED = "DEACTIVATED";

export const LOGIN_DEACTIVATED_MESSAGE = "This account is deactivated. Ask an admin of this Cairn to reactivate it.";
export const LOGIN_RATE_LIMITED_MESSAGE = "Too many attempts. Wait a few minutes, then try again.";
export const LOGIN_UNAVAILABLE_MESSAGE = "Cairn is unavailable right now, so you cannot sign in. Try again in a few minutes.";

/** Password sign-in of someone who is not an admin while Admin → Sign-in methods allows only single sign-on. */
export const LOGIN_SSO_ONLY = "SSO_ONLY";
export const LOGIN_SSO_ONLY_MESSAGE = "This Cairn only allows single sign-on. Use the button above to sign in.";

/**
 * Why a single sign-on was refused, as the `error` the login page receives (docs/security.md #45, #46). Each names
 * what the person can do about it; none tells a stranger more than "no account for this address".
 */
export const SSO_ERRORS = {
  SSO_UNVERIFIED:
    "Your sign-in provider has not confirmed your email address, so Cairn cannot match it to an account. Confirm the address with the provider, then try again.",
  SSO_UNKNOWN: "There is no Cairn account for this email address. Ask your mentor or an admin of this Cairn for an invite link.",
  SSO_LINKED_ELSEWHERE:
    "This sign-in is linked to a different Cairn account than your email address. Ask an admin of this Cairn to sort it out.",
  SSO_INVITE_INVALID: "This invite link is no longer valid. Ask your mentor for a new one.",
  [LOGIN_DEACTIVATED]: LOGIN_DEACTIVATED_MESSAGE,
  [LOGIN_UNAVAILABLE]: LOGIN_UNAVAILABLE_MESSAGE,
  [LOGIN_SSO_ONLY]: LOGIN_SSO_ONLY_MESSAGE,
} as const;

export type SsoErrorCode = keyof typeof SSO_ERRORS;

/** What next-auth's own failures (provider unreachable, state or nonce mismatch, cancelled consent) read as. */
export const SSO_FAILED_MESSAGE = "Signing in with your provider did not work. Try again; if it keeps failing, tell an admin of this Cairn.";

/** The message for the login page's `error` parameter: one of ours, or next-auth's codes, which all mean "it failed". */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(SSO_ERRORS, code) ? SSO_ERRORS[code as SsoErrorCode] : SSO_FAILED_MESSAGE;
}
