import type { ApiScope } from "@/lib/generated/prisma/enums";

/** A live token as lists show it: never its hash, only the prefix that tells tokens apart. */
export type ApiTokenView = {
  id: string;
  name: string;
  /** `cairn_pat_` and four more characters. */
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  /** Null: the token never expires. */
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
};

/** Settings → API tokens: the person's live tokens and the scopes the create form offers. */
export type ApiTokenSettings = { tokens: ApiTokenView[]; grantable: ApiScope[]; capReached: boolean };

/** Admin → API tokens: one live token with its person. */
export type AdminApiTokenRow = ApiTokenView & { owner: { id: string; name: string; email: string } };

/** What "Create token" answers: the secret, shown this once, and the token as the list shows it. */
export type CreatedApiToken = { token: string; view: ApiTokenView };
