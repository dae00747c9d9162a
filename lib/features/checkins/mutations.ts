import "server-only";
import { notify } from "@/lib/features/notifications/mutations";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { CloseOutTextField } from "@/lib/features/checkins/constants";
import { CLOSED_MESSAGE, CONFLICT_MESSAGE } from "@/lib/features/checkins/schema";
import type { CheckinCommentView, SavedCheckin } from "@/lib/features/checkins/types";
import { dateOfDay, type Day } from "@/lib/calendar";

/** Which learner-week a write targets; the caller derived the membership from the viewer. */
export type CheckinTarget = { membershipId: string; weekStart: Day };

type CheckinFields = {
  plannedKeys?: string[];
  plannedHours?: number | null;
  actualHours?: number;
  closedAt?: Date;
} & Partial<Record<CloseOutTextField, string>>;

const savedSelect = { id: true, lockVersion: true, closedAt: true } as const;

function saved(row: { id: string; lockVersion: number; closedAt: Date | null }): SavedCheckin {
  return { checkinId: row.id, lockVersion: row.lockVersion, closed: row.closedAt !== null };
}

/**
 * Optimistic concurrency on the (membership, week) row: `expectedVersion` is the lockVersion the
 * form loaded (null: no row yet). Creating races on the unique (membership, week) key and updating
 * is one conditional UPDATE, so two tabs can never overwrite each other silently — the loser gets
 * CONFLICT and nothing of theirs is written.
 */
async function writeCheckin(target: CheckinTarget, expectedVersion: number | null, fields: CheckinFields) {
  const weekStart = dateOfDay(target.weekStart);
  if (expectedVersion === null) {
    try {
      const row = await db.checkin.create({
        // Rows written here start at 1, so a form that loaded "no row" (null) never matches a real version.
        data: { membershipId: target.membershipId, weekStart, ...fields, lockVersion: 1 },
        select: savedSelect,
      });
      return saved(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      throw error;
    }
  }
  const [row] = await db.checkin.updateManyAndReturn({
    where: { membershipId: target.membershipId, weekStart, lockVersion: expectedVersion, closedAt: null },
    data: { ...fields, lockVersion: { increment: 1 } },
    select: savedSelect,
  });
  if (row) return saved(row);
  const current = await db.checkin.findUnique({
    where: { membershipId_weekStart: { membershipId: target.membershipId, weekStart } },
    select: { lockVersion: true, closedAt: true },
  });
  if (current && current.lockVersion === expectedVersion && current.closedAt) {
    throw new AppError("INVALID_STATE", CLOSED_MESSAGE);
  }
  throw new AppError("CONFLICT", CONFLICT_MESSAGE);
}

/** "Plan the week": planned milestones and hours; creates the week's check-in when there is none. */
export async function saveCheckinPlan(
  target: CheckinTarget,
  expectedVersion: number | null,
  plan: { plannedKeys: string[]; plannedHours: number | null },
): Promise<SavedCheckin> {
  return writeCheckin(target, expectedVersion, { plannedKeys: plan.plannedKeys, plannedHours: plan.plannedHours });
}

/** "Close out the week": the close-out notes and hours; marks the week closed. */
export async function closeOutCheckin(
  target: CheckinTarget,
  expectedVersion: number | null,
  closeOut: Record<CloseOutTextField, string> & { actualHours: number },
  now: Date = new Date(),
): Promise<SavedCheckin> {
  return writeCheckin(target, expectedVersion, { ...closeOut, closedAt: now });
}

/** Opens a closed week again so its learner can edit it; same version check as every other write. */
export async function reopenCheckin(checkinId: string, expectedVersion: number): Promise<SavedCheckin> {
  const [row] = await db.checkin.updateManyAndReturn({
    where: { id: checkinId, lockVersion: expectedVersion },
    data: { closedAt: null, lockVersion: { increment: 1 } },
    select: savedSelect,
  });
  if (!row) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  return saved(row);
}

/** A mentor's comment on a check-in, or its learner's reply; the caller checked who may write it. */
export async function addCheckinComment({
  checkinId,
  authorId,
  learnerUserId,
  body,
}: {
  checkinId: string;
  authorId: string;
  learnerUserId: string;
  body: string;
}): Promise<CheckinCommentView> {
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.checkinComment.create({
      data: { checkinId, authorId, body },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    });
    // A mentor's comment is news for the learner; the learner's reply is seen on the same page.
    if (authorId !== learnerUserId) {
      await notify(tx, {
        userId: learnerUserId,
        type: "checkin_comment",
        title: `${created.author.name} commented on your check-in`,
        href: "/check-ins",
      });
    }
    return created;
  });
  return {
    id: comment.id,
    authorName: comment.author.name,
    authorRole: authorId === learnerUserId ? "learner" : "mentor",
    mine: true,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}
