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
