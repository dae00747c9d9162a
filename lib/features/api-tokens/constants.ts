// Limits, choices and messages shared by the schemas, the forms and the tests. Client components import from here,
// never from schema.ts or lib/auth/api-token.ts (server-only).
import type { ApiScope } from "@/lib/generated/prisma/enums";

export const TOKEN_NAME_MAX = 100;

/** Live (neither revoked nor expired) tokens one person may hold; a script per repository fits well within it. */
export const LIVE_TOKEN_CAP = 20;

/** How long a new token works, as the form offers it: days, or "never". */
export const TOKEN_EXPIRY_OPTIONS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
] as const;

export type TokenExpiry = (typeof TOKEN_EXPIRY_OPTIONS)[number]["value"];

export const DEFAULT_TOKEN_EXPIRY: TokenExpiry = "90";

/** What each scope lets a script do, in the words Settings uses. */
export const SCOPE_DESCRIPTIONS: Record<ApiScope, { label: string; description: string }> = {
  read: { label: "read", description: "Read your profile, your roadmap and your cohorts' progress." },
  submit: { label: "submit", description: "Submit evidence and complete self-check milestones as you." },
  review: { label: "review", description: "Read the review queue and record review decisions as you." },
  admin: { label: "admin", description: "Export and import roadmaps as an admin." },
};

export const TOKEN_MESSAGES = {
  nameRequired: "Give the token a name, such as the repository or machine that uses it.",
  nameLength: `Use at most ${TOKEN_NAME_MAX} characters.`,
  nameTaken: "You already have a token with this name. Pick another name, or revoke the old token first.",
  expiryInvalid: "Pick how long the token works from the list.",
  scopesRequired: "Pick at least one scope.",
  scopeInvalid: "Pick scopes from the list.",
  scopeNotAllowed: "You cannot give a token a scope you do not have yourself. Nothing was created.",
  capReached: `You already have ${LIVE_TOKEN_CAP} tokens. Revoke one you no longer use before creating another.`,
  notFound: "This token does not exist, or was already revoked.",
} as const;
