// Limits and messages shared by the schemas, the forms and the tests. Client components import from here,
// never from schema.ts (which brings the password policy and argon2 along).
export const USERS_PAGE_SIZE = 50;
export const USER_SEARCH_MAX = 200;
/** A handed-over reset link works for a day, once. */
export const RESET_LINK_TTL_HOURS = 24;

export const USER_NOT_FOUND = "This person does not exist.";
export const LAST_ADMIN_MESSAGE =
  "Cairn needs at least one active admin. Make someone else an admin first, then try again.";
export const SELF_DEACTIVATE_MESSAGE = "You can't deactivate your own account. Ask another admin to do it.";
export const RESET_INVALID_MESSAGE = "This link is no longer valid — ask your admin for a new one";
export const RESET_RATE_LIMITED = "Too many attempts. Wait a few minutes, then try again.";
export const PASSWORD_HINT = "At least 8 characters. A long passphrase is easiest to remember.";

export const ROLE_FILTERS = ["admin", "mentor", "learner"] as const;
export const STATUS_FILTERS = ["active", "deactivated"] as const;

/** What /forgot-password answers for every address, known or not, so it says nothing about who has an account. */
export const RESET_MAIL_SENT =
  "If an account uses that address, a reset link is on its way to it. The link works once, for 24 hours; check your spam folder if it doesn't arrive.";
