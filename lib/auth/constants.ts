/** The error code next-auth hands to the sign-in form when the login rate limit refuses an attempt. */
export const LOGIN_RATE_LIMITED = "RATE_LIMITED";
