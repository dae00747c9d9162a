import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/api-token";
import { TOKEN_MESSAGES, TOKEN_NAME_MAX, type TokenExpiry } from "@/lib/features/api-tokens/constants";
import { lineText } from "@/lib/text-input";

const EXPIRIES = ["7", "30", "90", "365", "never"] as const satisfies readonly TokenExpiry[];

/**
 * Settings → API tokens → "Create token". Scopes arrive as the form's checked boxes; duplicates collapse. Which of
 * them the person may grant is checked by the action against their rights, not here.
 */
export const createApiTokenSchema = z.strictObject({
  name: lineText({ error: TOKEN_MESSAGES.nameRequired })
    .trim()
    .min(1, { error: TOKEN_MESSAGES.nameRequired })
    .max(TOKEN_NAME_MAX, { error: TOKEN_MESSAGES.nameLength }),
  expiry: z.enum(EXPIRIES, { error: TOKEN_MESSAGES.expiryInvalid }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: TOKEN_MESSAGES.scopeInvalid }), { error: TOKEN_MESSAGES.scopesRequired })
    .min(1, { error: TOKEN_MESSAGES.scopesRequired })
    .max(API_SCOPES.length * 2, { error: TOKEN_MESSAGES.scopeInvalid })
    .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope))),
});

export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.strictObject({ tokenId: z.uuid({ error: TOKEN_MESSAGES.notFound }) });
