/** The error code next-auth hands to the sign-in form when the login rate limit refuses an attempt. */
export const LOGIN_RATE_LIMITED = "RATE_LIMITED";

/**
 * The error code for a sign-in that could not be checked — the rate limiter's store or the database is unreachable —
 * and was refused (docs/security.md #11). The form says Cairn is unavailable, not that there were too many attempts.
 */
export const LOGIN_UNAVAILABLE = "UNAVAILABLE";

export const LOGIN_RATE_LIMITED_MESSAGE = "Too many attempts. Wait a few minutes, then try again.";
export const LOGIN_UNAVAILABLE_MESSAGE = "Cairn is unavailable right now, so you cannot sign in. Try again in a few minutes.";
