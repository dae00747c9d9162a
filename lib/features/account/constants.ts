// Limits, messages and the page's sections, shared by the schemas, the forms and the tests. Client components import
// from here, never from schema.ts (which brings the password policy and argon2 along).
import { LOGIN_RATE_LIMITED_MESSAGE } from "@/lib/auth/constants";

export const NAME_MAX = 100;

/**
 * Settings' sections, in order: the page draws its navigation and its headings from this list, so a section is added
 * here and as one more block on the page.
 */
export const SETTINGS_SECTIONS = [
  { id: "profile", label: "Profile" },
  { id: "password", label: "Password" },
  { id: "notifications", label: "Notifications" },
  // Shown to people who review (or kept replies from when they did).
  { id: "saved-replies", label: "Saved replies" },
  { id: "api-tokens", label: "API tokens" },
] as const;

export const NAME_REQUIRED = "Enter your name.";
export const TIME_ZONE_INVALID = "Pick a time zone from the list, like Europe/Berlin.";
export const PROFILE_SAVED = "Profile saved.";

export const WRONG_CURRENT_PASSWORD = "Your current password is not right. Nothing was changed.";
export const PASSWORDS_DIFFER = "The two new passwords are not the same.";
export const PASSWORD_CHANGED = "Password changed. You are signed out everywhere else.";
export const PASSWORD_RATE_LIMITED = LOGIN_RATE_LIMITED_MESSAGE;
export const ACCOUNT_CHANGED = "Your password was changed meanwhile, in another session. Reload the page and try again.";

/** Wrong current passwords one person may type per window before Settings refuses (as sign-in does, decision 010). */
export const PASSWORD_CHANGE_LIMIT = { points: 10, windowSeconds: 15 * 60 } as const;
