import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { INVITE_LIST_LIMIT } from "@/lib/features/invites/constants";
import type { InstanceInviteRow, InviteLanding, InviteRow } from "@/lib/features/invites/types";
import { isInviteUsable } from "@/lib/features/invites/policy";
import { inviteState } from "@/lib/features/invites/utils";
import type { CohortOption } from "@/lib/features/users/types";

export const inviteSelect = {
  id: true,
  role: true,
  maxUses: true,
  useCount: true,
  sentTo: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

export function toInviteRow(
  invite: {
    id: string;
    role: "admin" | "mentor" | "learner";
    maxUses: number;
    useCount: number;
    sentTo: string | null;
    expiresAt: Date;
    revokedAt: Date | null;
    createdAt: Date;
    createdBy: { name: string } | null;
  },
  now: Date,
): InviteRow {
  return {
    id: invite.id,
    role: invite.role,
    maxUses: invite.maxUses,
    useCount: invite.useCount,
    sentTo: invite.sentTo,
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
    createdByName: invite.createdBy?.name ?? null,
    state: inviteState(invite, now),
  };
}

/** A cohort's invite links, newest first; one statement whatever their number. */
export async function listCohortInvites(cohortId: string, now = new Date()): Promise<InviteRow[]> {
  const invites = await db.invite.findMany({
    where: { cohortId },
    orderBy: { createdAt: "desc" },
    relationLoadStrategy: "join",
    select: inviteSelect,
  });
  return invites.map((invite) => toInviteRow(invite, now));
}

/** Every invite link of the instance (cohort links too), newest first, with its cohort's name. */
export async function listInstanceInvites(now = new Date()): Promise<InstanceInviteRow[]> {
  const invites = await db.invite.findMany({
    orderBy: { createdAt: "desc" },
    take: INVITE_LIST_LIMIT,
    relationLoadStrategy: "join",
    select: { ...inviteSelect, cohort: { select: { name: true } } },
  });
  return invites.map((invite) => ({ ...toInviteRow(invite, now), cohortName: invite.cohort?.name ?? null }));
}

/** An invite with its cohort, for revoking; instance invites (no cohort) read as missing here — admins revoke those from /admin/users/invites. */
export async function getInviteScope(inviteId: string) {
  const invite = await db.invite.findUnique({ where: { id: inviteId }, select: { id: true, cohortId: true, revokedAt: true } });
  return invite?.cohortId ? { ...invite, cohortId: invite.cohortId } : null;
}

/** A running cohort an instance invite may name. */
export async function getCohortOption(cohortId: string): Promise<CohortOption | null> {
  return db.cohort.findFirst({ where: { id: cohortId, archivedAt: null }, select: { id: true, name: true } });
}

/** Any invite of the instance, for an admin revoking it; callers check the admin flag first. */
export async function getInviteScopeForAdmin(inviteId: string) {
  return db.invite.findUnique({ where: { id: inviteId }, select: { id: true, cohortId: true } });
}

/** Invite tokens are stored as their sha256; the token itself exists only in the link. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The invite behind a link, if it can still be used. Expired, revoked, used-up and unknown
 * tokens all come back the same, so the page cannot tell anyone which it was.
 */
export async function getInviteLanding(
  token: string,
  { viewerId, now = new Date() }: { viewerId?: string; now?: Date } = {},
): Promise<InviteLanding> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      maxUses: true,
      useCount: true,
      expiresAt: true,
      revokedAt: true,
      cohort: { select: { id: true, name: true, archivedAt: true, roadmapVersion: { select: { title: true } } } },
    },
  });
  if (!invite || !isInviteUsable(invite, now)) return { valid: false };
  // Without a cohort an invite makes an admin or a plain account; with one, the cohort must still be running.
  if (invite.cohort?.archivedAt) return { valid: false };
  const membership =
    viewerId && invite.cohort
      ? await db.membership.findFirst({
          where: { cohortId: invite.cohort.id, userId: viewerId, removedAt: null },
          select: { role: true },
        })
      : null;
  return {
    valid: true,
    cohortId: invite.cohort?.id ?? null,
    cohortName: invite.cohort?.name ?? null,
    role: invite.role,
    roadmapTitle: invite.cohort?.roadmapVersion.title ?? null,
    expiresAt: invite.expiresAt.toISOString(),
    viewerRole: membership?.role ?? null,
  };
}
