import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ROLE_MEMBERSHIPS, rolesOf } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";

export type { ApiScope };

/** Every scope, from least to most: what a token may be allowed to do (docs/api.md, "Tokens"). */
export const API_SCOPES = ["read", "submit", "review", "admin"] as const satisfies readonly ApiScope[];

/**
 * Every personal token starts with this, so secret scanners (and people) recognise a leaked one:
 * `cairn_pat_` followed by 43 characters of base64url (32 random bytes).
 */
export const API_TOKEN_PREFIX = "cairn_pat_";
export const API_TOKEN_PATTERN = /^cairn_pat_[A-Za-z0-9_-]{43}$/;
/** Characters of a token kept in clear (the prefix and four more), so lists can tell tokens apart. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 4;
/** A token's "last used" time and address are written at most this often, so busy scripts don't write every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token: the secret the person sees once, and what the database keeps of it. */
export function newApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashApiToken(token) };
}

/** Who is calling the API, as the database says now, and what their token allows. */
export type ApiCaller = { viewer: Viewer; tokenId: string; scopes: ApiScope[] };

/** Why a request has no caller: no `Authorization: Bearer` header, or a token that is unknown, expired or revoked. */
export type ApiAuthFailure = "missing" | "invalid";

/**
 * Resolves `Authorization: Bearer <token>` against the database on every request: an unknown, revoked or expired
 * token, or one whose person is deactivated, is refused. One statement, plus one to record "last used" at most once
 * a minute per token.
 */
export async function authenticateApiToken(
  authorization: string | null,
  address: string | undefined,
  now: Date = new Date(),
): Promise<ApiCaller | ApiAuthFailure> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "missing";
  const token = match[1]!;
  if (!API_TOKEN_PATTERN.test(token)) return "invalid";
  const found = await db.apiToken.findFirst({
    where: {
      tokenHash: hashApiToken(token),
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      user: { deactivatedAt: null },
    },
    select: {
      id: true,
      scopes: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, isAdmin: true, timeZone: true, memberships: ROLE_MEMBERSHIPS } },
    },
  });
  if (!found) return "invalid";
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now, lastUsedAddress: address ?? null } });
  }
  const { memberships, ...viewer } = found.user;
  return { viewer: { ...viewer, roles: rolesOf(memberships) }, tokenId: found.id, scopes: found.scopes };
}

/**
 * The scopes a person may put on a token: reading for everyone, submitting for learners, reviewing for mentors and
 * admins, administration for admins — never more than their own rights at the time.
 */
export function grantableScopes(viewer: Pick<Viewer, "isAdmin" | "roles">): ApiScope[] {
  const roles = viewer.roles ?? { mentorCohortIds: [], learnerCohortIds: [] };
  return API_SCOPES.filter(
    (scope) =>
      scope === "read" ||
      (scope === "submit" && roles.learnerCohortIds.length > 0) ||
      (scope === "review" && (viewer.isAdmin || roles.mentorCohortIds.length > 0)) ||
      (scope === "admin" && viewer.isAdmin),
  );
}
