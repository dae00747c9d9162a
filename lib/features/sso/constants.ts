// Limits and messages shared by the schema, the forms and the tests; client components import from here.

/** How many email domains Admin → Sign-in methods accepts for self-sign-up. */
export const SIGN_UP_DOMAINS_MAX = 50;

/**
 * The httpOnly cookie carrying an invite token from "Continue with …" on an invite page through the provider's
 * round trip to the sign-in callback; it lives as long as a sign-in at the provider reasonably takes.
 */
export const SSO_INVITE_COOKIE = "cairn-sso-invite";
export const SSO_INVITE_COOKIE_MAX_AGE_SECONDS = 15 * 60;

export const SIGN_IN_SETTINGS_SAVED = "Sign-in methods saved";
export const SSO_ONLY_NEEDS_PROVIDER = "Configure a single sign-on provider first: with none, only admins could sign in.";
