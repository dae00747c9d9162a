import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashInviteToken } from "@/lib/features/invites/data";
import type { InviteRole } from "@/lib/generated/prisma/enums";

/** An invite row plus the token its link carries (only the hash is stored, as in production). */
export async function createInvite({
  cohortId,
  role = "learner",
  maxUses = 1,
  useCount = 0,
  expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000),
  revokedAt = null,
  createdById = null,
}: {
  cohortId: string | null;
  role?: InviteRole;
  maxUses?: number;
  useCount?: number;
  expiresAt?: Date;
  revokedAt?: Date | null;
  createdById?: string | null;
}) {
  const token = randomBytes(32).toString("base64url");
  const invite = await db.invite.create({
    data: { tokenHash: hashInviteToken(token), role, cohortId, maxUses, useCount, expiresAt, revokedAt, createdById },
  });
  return { token, invite };
}
