import "server-only";
import { cache } from "react";
import { grantableScopes } from "@/lib/auth/api-token";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { LIVE_TOKEN_CAP } from "@/lib/features/api-tokens/constants";
import { listAllLiveApiTokens, listOwnApiTokens } from "@/lib/features/api-tokens/data";
import type { AdminApiTokenRow, ApiTokenSettings } from "@/lib/features/api-tokens/types";

/** Settings → API tokens: the viewer's own tokens (revoked ones are gone), and what the create form may offer. */
export const loadApiTokenSettings = cache(async (viewer: Viewer, now: Date = new Date()): Promise<ApiTokenSettings> => {
  const tokens = await listOwnApiTokens(viewer.id);
  const live = tokens.filter((token) => token.expiresAt === null || new Date(token.expiresAt) > now).length;
  return { tokens, grantable: grantableScopes(viewer), capReached: live >= LIVE_TOKEN_CAP };
});

/** Admin → API tokens: every live token of every person. Anyone else gets the 404 every admin page gives. */
export const loadAdminApiTokens = cache(async (viewer: Viewer, now: Date = new Date()): Promise<AdminApiTokenRow[]> => {
  adminOnly(viewer);
  return listAllLiveApiTokens(now);
});
