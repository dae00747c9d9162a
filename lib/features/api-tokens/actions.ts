"use server";

// Every export here is a public endpoint (docs/decisions/005). A token is created for the signed-in person only
// (the strict schema refuses a userId), with scopes checked against their rights as the database has them on this
// request; a revoke finds the token by id and lets only its person or an admin through.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { grantableScopes } from "@/lib/auth/api-token";
import { requireViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { TOKEN_MESSAGES } from "@/lib/features/api-tokens/constants";
import { createApiToken, revokeApiToken } from "@/lib/features/api-tokens/mutations";
import { scopesBeyond } from "@/lib/features/api-tokens/policy";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/features/api-tokens/schema";
import type { CreatedApiToken } from "@/lib/features/api-tokens/types";

/** Settings → API tokens → "Create token": answers the secret, which is never shown again. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<CreatedApiToken>> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const parsed = parseInput(createApiTokenSchema, input);
    if (scopesBeyond(parsed.scopes, grantableScopes(viewer)).length > 0) {
      throw new AppError("FORBIDDEN", TOKEN_MESSAGES.scopeNotAllowed, { scopes: [TOKEN_MESSAGES.scopeNotAllowed] });
    }
    return createApiToken(await actorOf(viewer), parsed);
  });
}

/** Settings → API tokens and Admin → API tokens: "Revoke". */
export async function revokeApiTokenAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    const { tokenId } = parseInput(revokeApiTokenSchema, input);
    await revokeApiToken(await actorOf(viewer), viewer, tokenId);
    return undefined;
  });
}
