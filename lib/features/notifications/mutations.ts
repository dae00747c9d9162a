import "server-only";
import { runAction, parseInput, type ActionResult } from "@/lib/action-result";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { getUnreadCount } from "@/lib/features/notifications/data";
import { markReadSchema, notificationInputSchema, type NotificationInput } from "@/lib/features/notifications/schema";
import type { MarkReadResult } from "@/lib/features/notifications/types";
import { Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";

// A bad notification is a bug in the calling feature, not something its user can fix: fail loudly (logged with a
// reference by runAction) and take the caller's transaction down with it.
function checked<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) {
    throw new Error(`Invalid notification: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return result.data;
}

function validate(input: NotificationInput) {
  return checked(notificationInputSchema.safeParse(input));
}

/**
 * Tells one person about something, inside the caller's transaction so the notification exists exactly when the
 * change it announces does (docs/security.md #28). Throws on an off-site href or an empty title.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<{ id: string }> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`${notificationInsert(input)} RETURNING id`;
  return row!;
}

/**
 * notify()'s INSERT, for a change that writes itself and its notification in one statement (a data-modifying
 * `WITH`, docs/performance.md). Validates like notify().
 */
export function notificationInsert(input: NotificationInput): Prisma.Sql {
  const { userId, type, title, href } = validate(input);
  const now = new Date();
  return Prisma.sql`
    INSERT INTO notifications (id, user_id, type, title, href, created_at, updated_at)
    VALUES (uuidv7(), ${userId}::uuid, ${type}::notification_type, ${title}, ${href}, ${now}, ${now})`;
}

/**
 * notify() for everyone `recipients` selects (a query returning one `user_id` column), as one INSERT … SELECT that
 * a change can run inside its own statement (a data-modifying `WITH`).
 */
export function notificationsInsertFor(recipients: Prisma.Sql, content: Omit<NotificationInput, "userId">): Prisma.Sql {
  const { type, title, href } = checked(notificationInputSchema.omit({ userId: true }).safeParse(content));
  const now = new Date();
  return Prisma.sql`
    INSERT INTO notifications (id, user_id, type, title, href, created_at, updated_at)
    SELECT uuidv7(), recipient.user_id, ${type}::notification_type, ${title}, ${href}, ${now}, ${now}
      FROM (${recipients}) recipient`;
}

/** notify() for several people in one statement (e.g. every mentor of a cohort); returns how many were written. */
export async function notifyMany(tx: Tx, inputs: readonly NotificationInput[]): Promise<number> {
  const data = inputs.map(validate);
  if (data.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data });
  return count;
}

/**
 * Marks some of `userId`'s notifications read. The owner is part of the WHERE clause, so ids of other people's
 * notifications match nothing; already-read rows keep their first read time. Returns how many changed.
 */
export async function markRead(userId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.notification.updateMany({
    where: { userId, id: { in: [...ids] }, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

export async function markAllRead(userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

// The viewer-facing halves of the server actions. They live here, not in actions.ts, because every export of a
// "use server" file is a public endpoint, and one that accepted a viewer from the client would trust it.

/** Validates the client's input and marks the viewer's own notifications among `ids`; others' ids count as 0. */
export async function markNotificationsRead(viewer: Viewer, input: unknown): Promise<ActionResult<MarkReadResult>> {
  return runAction(async () => {
    const { ids } = parseInput(markReadSchema, input);
    const marked = await markRead(viewer.id, ids);
    return { marked, unread: await getUnreadCount(viewer.id) };
  });
}

export async function markAllNotificationsRead(viewer: Viewer): Promise<ActionResult<MarkReadResult>> {
  return runAction(async () => {
    const marked = await markAllRead(viewer.id);
    return { marked, unread: await getUnreadCount(viewer.id) };
  });
}
