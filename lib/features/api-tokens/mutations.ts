import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { newApiToken } from "@/lib/auth/api-token";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LIVE_TOKEN_CAP, TOKEN_MESSAGES } from "@/lib/features/api-tokens/constants";
import { API_TOKEN_VIEW_SELECT, liveTokenWhere, toApiTokenView } from "@/lib/features/api-tokens/data";
import { canRevokeApiToken } from "@/lib/features/api-tokens/policy";
import type { CreateApiTokenInput } from "@/lib/features/api-tokens/schema";
import type { CreatedApiToken } from "@/lib/features/api-tokens/types";
import { writeAudit } from "@/lib/features/audit/mutations";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Settings → API tokens → "Create token", for the actor themself; the caller has checked the scopes against their
 * rights. The person's row is locked first, so simultaneous creates queue up: each one then sees every token
 * committed before it, and the cap and the name check hold (docs/security.md #44). Only the hash is stored; the
 * secret is answered this once.
 */
export async function createApiToken(actor: Actor, input: CreateApiTokenInput, now = new Date()): Promise<CreatedApiToken> {
  const { token, prefix, tokenHash } = newApiToken();
  const expiresAt = input.expiry === "never" ? null : new Date(now.getTime() + Number(input.expiry) * DAY_MS);
  return db.$transaction(async (tx) => {
    const [person] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM users WHERE id = ${actor.id}::uuid AND deactivated_at IS NULL FOR UPDATE`;
    if (!person) throw new AppError("NOT_FOUND", "This account no longer exists.");
    const live = await tx.apiToken.findMany({ where: { userId: actor.id, ...liveTokenWhere(now) }, select: { name: true } });
    const name = input.name.toLocaleLowerCase("en");
    if (live.some((other) => other.name.toLocaleLowerCase("en") === name)) {
      throw new AppError("INVALID_INPUT", TOKEN_MESSAGES.nameTaken, { name: [TOKEN_MESSAGES.nameTaken] });
    }
    if (live.length >= LIVE_TOKEN_CAP) throw new AppError("INVALID_STATE", TOKEN_MESSAGES.capReached);
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, scopes: input.scopes, prefix, tokenHash, expiresAt },
      select: API_TOKEN_VIEW_SELECT,
    });
    await writeAudit(tx, {
      actor,
      action: "api_token.create",
      targetType: "api_token",
      targetId: row.id,
      after: { name: row.name, prefix, scopes: row.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { token, view: toApiTokenView(row) };
  });
}

/**
 * Revokes a token its person or an admin may revoke; anyone else's reads like an unknown id and nothing is written.
 * The conditional update settles two revokes at once: the second finds nothing. The API refuses the token from the
 * next request on, since every request reads it from the database.
 */
export async function revokeApiToken(actor: Actor, viewer: Pick<Viewer, "id" | "isAdmin">, tokenId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, revokedAt: null }, select: { id: true, userId: true, name: true, prefix: true } });
    if (!token || !canRevokeApiToken(viewer, token)) throw new AppError("NOT_FOUND", TOKEN_MESSAGES.notFound);
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("NOT_FOUND", TOKEN_MESSAGES.notFound);
    await writeAudit(tx, {
      actor,
      action: "api_token.revoke",
      targetType: "api_token",
      targetId: token.id,
      before: { userId: token.userId, name: token.name, prefix: token.prefix, revokedAt: null },
      after: { userId: token.userId, name: token.name, prefix: token.prefix, revokedAt: now.toISOString() },
    });
  });
}
