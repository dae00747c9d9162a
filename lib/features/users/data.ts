import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { USERS_PAGE_SIZE } from "@/lib/features/users/constants";
import type { UserListParams } from "@/lib/features/users/schema";
import type {
  AdminUsersPage,
  CohortOption,
  ResetLanding,
  UserListFilters,
} from "@/lib/features/users/types";
import type { Prisma } from "@/lib/generated/prisma/client";

function userWhere(filters: UserListFilters): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) {
    // Prisma passes `contains` to ILIKE as is: escape its wildcards so typed text matches literally.
    const text = filters.q.replace(/[\\%_]/g, "\\$&");
    and.push({
      OR: [
        { name: { contains: text, mode: "insensitive" } },
        { email: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  if (filters.role === "admin") and.push({ isAdmin: true });
  // Mentor / learner: that role in any running cohort (or in the chosen one, when a cohort is picked too).
  const membership: Prisma.MembershipWhereInput = { removedAt: null, cohort: { archivedAt: null } };
  if (filters.role === "mentor" || filters.role === "learner") membership.role = filters.role;
  if (filters.cohortId) membership.cohortId = filters.cohortId;
  if (filters.role === "mentor" || filters.role === "learner" || filters.cohortId) and.push({ memberships: { some: membership } });
  if (filters.status === "active") and.push({ deactivatedAt: null });
  if (filters.status === "deactivated") and.push({ deactivatedAt: { not: null } });
  return and.length > 0 ? { AND: and } : {};
}

export function toFilters(params: UserListParams): UserListFilters {
  return { q: params.q, role: params.role ?? null, cohortId: params.cohort ?? null, status: params.status ?? null };
}

/** Running cohorts for the filter and the invite form. */
export async function listCohortOptions(): Promise<CohortOption[]> {
  return db.cohort.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/**
 * One page of people for Admin → Users: four statements whatever the number of people or memberships
 * (count, the admin count, the page with its memberships joined in, the cohort options).
 * A page past the end shows the last page.
 */
export async function listUsers(
  params: UserListParams,
  viewerId: string,
): Promise<AdminUsersPage> {
  const filters = toFilters(params);
  const where = userWhere(filters);
  const now = new Date();
  const [total, activeAdmins, cohorts] = await Promise.all([
    db.user.count({ where }),
    db.user.count({ where: { isAdmin: true, deactivatedAt: null } }),
    listCohortOptions(),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    relationLoadStrategy: "join",
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      deactivatedAt: true,
      lastSeenAt: true,
      createdAt: true,
      memberships: {
        where: { removedAt: null, cohort: { archivedAt: null } },
        orderBy: { createdAt: "asc" },
        select: { role: true, cohort: { select: { id: true, name: true } } },
      },
      // Live API tokens (decision 056), counted in the same statement.
      _count: { select: { apiTokens: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } } },
    },
  });
  return {
    filters,
    total,
    page,
    pageCount,
    pageSize: USERS_PAGE_SIZE,
    cohorts,
    activeAdmins,
    users: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.isAdmin,
      cohorts: user.memberships.map((membership) => ({
        cohortId: membership.cohort.id,
        cohortName: membership.cohort.name,
        role: membership.role,
      })),
      deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
      lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      liveApiTokens: user._count.apiTokens,
      isViewer: user.id === viewerId,
    })),
  };
}

export async function getUserScope(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, isAdmin: true, deactivatedAt: true },
  });
}

/** Reset tokens are stored as their sha256; the token itself exists only in the link. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The person behind a reset link, if it can still be used. Unknown, expired and used tokens (and links
 * for deactivated people) all come back the same.
 */
export async function getResetLanding(token: string, now = new Date()): Promise<ResetLanding> {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { name: true, deactivatedAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime() || row.user.deactivatedAt) return { valid: false };
  return { valid: true, name: row.user.name, expiresAt: row.expiresAt.toISOString() };
}
