import "server-only";
import { runAction, parseInput, type ActionResult } from "@/lib/action-result";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { getNotificationPreferences, getUnreadCount } from "@/lib/features/notifications/data";
import {
  markReadSchema,
  notificationInputSchema,
  notificationPreferencesSchema,
  type NotificationInput,
} from "@/lib/features/notifications/schema";
import type { MarkReadResult, NotificationDetail, NotificationPreference } from "@/lib/features/notifications/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { kick } from "@/lib/jobs/boss";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import type { z } from "zod";

// A bad notification is a bug in the calling feature, not something its user can fix: fail loudly (logged with a
// reference by runAction) and take the caller's transaction down with it.
function checked<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) {
    throw new Error(`Invalid notification: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return result.data;
}

/**
 * Every writer below validates first, and asks the mail job to look soon: the notification may become an e-mail
 * (decision 065). The kick comes before the caller commits; if the job looks too early, its next run (a minute at
 * most) finds the row.
 */
function validate(input: NotificationInput) {
  const valid = checked(notificationInputSchema.safeParse(input));
  kick(MAIL_FLUSH_JOB);
  return valid;
}

/**
 * The one place a person's choices in Settings → Notifications apply: every writer below inserts only where the
 * person wants this type somewhere — in the app, by e-mail, or both (docs/decisions/041, 065) — so a type switched
 * off on both is never created for them.
 */
function wanted(userId: Prisma.Sql, type: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM notification_preferences preference
     WHERE preference.user_id = ${userId} AND preference.type = ${type} AND NOT preference.in_app AND NOT preference.email)`;
}

function detailsJson(details: readonly NotificationDetail[] | undefined): Prisma.Sql {
  return details?.length ? Prisma.sql`${JSON.stringify(details)}::jsonb` : Prisma.sql`NULL::jsonb`;
}

/** Whether the row shows in the bell and on /notifications; false: it exists only to be e-mailed. */
function shownInApp(userId: Prisma.Sql, type: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM notification_preferences preference
     WHERE preference.user_id = ${userId} AND preference.type = ${type} AND NOT preference.in_app)`;
}

/**
 * Tells one person about something, inside the caller's transaction so the notification exists exactly when the
 * change it announces does (docs/security.md #28). Throws on an off-site href or an empty title. Null when the
 * person switched this type off.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<{ id: string } | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`${notificationInsert(input)} RETURNING id`;
  return row ?? null;
}

/**
 * notify()'s INSERT, for a change that writes itself and its notification in one statement (a data-modifying
 * `WITH`, docs/performance.md). Validates like notify().
 */
export function notificationInsert(input: NotificationInput): Prisma.Sql {
  const { userId, type, title, href, details } = validate(input);
  const now = new Date();
  return Prisma.sql`
    INSERT INTO notifications (id, user_id, type, title, href, details, in_app, created_at, updated_at)
    SELECT uuidv7(), ${userId}::uuid, ${type}::notification_type, ${title}, ${href}, ${detailsJson(details)},
           ${shownInApp(Prisma.sql`${userId}::uuid`, Prisma.sql`${type}::notification_type`)}, ${now}, ${now}
     WHERE ${wanted(Prisma.sql`${userId}::uuid`, Prisma.sql`${type}::notification_type`)}`;
}

/**
 * notify() for everyone `recipients` selects (a query returning one `user_id` column), as one INSERT … SELECT that
 * a change can run inside its own statement (a data-modifying `WITH`).
 */
export function notificationsInsertFor(recipients: Prisma.Sql, content: Omit<NotificationInput, "userId">): Prisma.Sql {
  const { type, title, href, details } = checked(notificationInputSchema.omit({ userId: true }).safeParse(content));
  kick(MAIL_FLUSH_JOB);
  const now = new Date();
  return Prisma.sql`
    INSERT INTO notifications (id, user_id, type, title, href, details, in_app, created_at, updated_at)
    SELECT uuidv7(), recipient.user_id, ${type}::notification_type, ${title}, ${href}, ${detailsJson(details)},
           ${shownInApp(Prisma.sql`recipient.user_id`, Prisma.sql`${type}::notification_type`)}, ${now}, ${now}
      FROM (${recipients}) recipient
     WHERE ${wanted(Prisma.sql`recipient.user_id`, Prisma.sql`${type}::notification_type`)}`;
}

/**
 * notify() for several people in one statement (e.g. every mentor of a cohort); returns how many were written,
 * which leaves out those who switched the type off.
 */
export async function notifyMany(tx: Tx, inputs: readonly NotificationInput[]): Promise<number> {
  const data = inputs.map(validate);
  if (data.length === 0) return 0;
  const now = new Date();
  const rows = data.map(
    ({ userId, type, title, href, details }) => Prisma.sql`(${userId}::uuid, ${type}::notification_type, ${title}, ${href}, ${detailsJson(details)})`,
  );
  return tx.$executeRaw`
    INSERT INTO notifications (id, user_id, type, title, href, details, in_app, created_at, updated_at)
    SELECT uuidv7(), item.user_id, item.type, item.title, item.href, item.details,
           ${shownInApp(Prisma.sql`item.user_id`, Prisma.sql`item.type`)}, ${now}, ${now}
      FROM (VALUES ${Prisma.join(rows)}) AS item (user_id, type, title, href, details)
     WHERE ${wanted(Prisma.sql`item.user_id`, Prisma.sql`item.type`)}`;
}

/**
 * Marks some of `userId`'s notifications read. The owner is part of the WHERE clause, so ids of other people's
 * notifications match nothing; already-read rows keep their first read time. Returns how many changed.
 */
export async function markRead(userId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.notification.updateMany({
    where: { userId, id: { in: [...ids] }, readAt: null, inApp: true },
    data: { readAt: new Date() },
  });
  return count;
}

export async function markAllRead(userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, inApp: true }, data: { readAt: new Date() } });
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

/**
 * Settings → Notifications: stores `userId`'s choices in one statement (insert or overwrite per type, so two saves
 * at once leave one of them whole, never a duplicate row). Answers every type's choice as stored now.
 */
export async function saveNotificationPreferences(viewer: Viewer, input: unknown): Promise<ActionResult<NotificationPreference[]>> {
  return runAction(async () => {
    const { preferences } = parseInput(notificationPreferencesSchema, input);
    if (preferences.length > 0) {
      const now = new Date();
      const rows = preferences.map(
        ({ type, inApp, email }) => Prisma.sql`(uuidv7(), ${viewer.id}::uuid, ${type}::notification_type, ${inApp}, ${email}, ${now}, ${now})`,
      );
      await db.$executeRaw`
        INSERT INTO notification_preferences (id, user_id, type, in_app, email, created_at, updated_at)
        VALUES ${Prisma.join(rows)}
        ON CONFLICT (user_id, type) DO UPDATE SET in_app = excluded.in_app, email = excluded.email, updated_at = excluded.updated_at`;
    }
    return getNotificationPreferences(viewer.id);
  });
}
