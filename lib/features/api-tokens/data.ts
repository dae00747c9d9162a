import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdminApiTokenRow, ApiTokenView } from "@/lib/features/api-tokens/types";

export const API_TOKEN_VIEW_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedAddress: true,
} satisfies Prisma.ApiTokenSelect;

type ViewRow = Prisma.ApiTokenGetPayload<{ select: typeof API_TOKEN_VIEW_SELECT }>;

export function toApiTokenView(row: ViewRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
  };
}

/** A token that still authenticates as far as the token itself goes: not revoked, not past its expiry. */
export function liveTokenWhere(now: Date): Prisma.ApiTokenWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** The person's tokens that are not revoked, expired ones included so Settings can say so; newest first. */
export async function listOwnApiTokens(userId: string): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: API_TOKEN_VIEW_SELECT,
  });
  return rows.map(toApiTokenView);
}

/** Every live token of every person, by person then newest first (Admin → API tokens). */
export async function listAllLiveApiTokens(now: Date): Promise<AdminApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: liveTokenWhere(now),
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    select: { ...API_TOKEN_VIEW_SELECT, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...toApiTokenView(row), owner: user }));
}

/** Live tokens per person, for Admin → Users; people without any are absent. */
export async function countLiveApiTokens(userIds: string[], now: Date): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const groups = await db.apiToken.groupBy({ by: ["userId"], where: { userId: { in: userIds }, ...liveTokenWhere(now) }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.userId, group._count._all]));
}
