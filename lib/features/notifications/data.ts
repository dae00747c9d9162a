import "server-only";
import { db } from "@/lib/db";
import { BELL_LIMIT, PAGE_SIZE } from "@/lib/features/notifications/constants";
import type {
  NotificationCursor,
  NotificationItem,
  NotificationListItem,
  NotificationPreference,
  NotificationSummary,
} from "@/lib/features/notifications/types";
import { encodeCursor } from "@/lib/cursor";
import { notificationDetails } from "@/lib/features/notifications/schema";
import { isOnSitePath } from "@/lib/features/notifications/utils";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationType } from "@/lib/generated/prisma/enums";

const itemSelect = {
  id: true,
  type: true,
  title: true,
  href: true,
  createdAt: true,
  readAt: true,
} satisfies Prisma.NotificationSelect;

type ItemRow = Prisma.NotificationGetPayload<{ select: typeof itemSelect }>;

/** The list page shows what a title sums up; the bell, on every page, does not carry it. */
const listItemSelect = { ...itemSelect, details: true } satisfies Prisma.NotificationSelect;

// Newest first; id breaks ties between rows created in one transaction (same created_at).
const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.NotificationOrderByWithRelationInput[];

function toItem(row: ItemRow): NotificationItem {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    // notify() validates on write; this guards rows written any other way (SQL, an old bug) on the way out.
    href: isOnSitePath(row.href) ? row.href : "/notifications",
    createdAt: row.createdAt.toISOString(),
    unread: row.readAt === null,
  };
}

function toListItem(row: Prisma.NotificationGetPayload<{ select: typeof listItemSelect }>): NotificationListItem {
  return { ...toItem(row), details: notificationDetails(row.details) };
}

export async function getUnreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null, inApp: true } });
}

/** The bell: one statement whatever the number of notifications (it is on every page). */
export async function getNotificationSummary(userId: string, limit = BELL_LIMIT): Promise<NotificationSummary> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      _count: { select: { notifications: { where: { readAt: null, inApp: true } } } },
      notifications: { where: { inApp: true }, orderBy: newestFirst, take: limit, select: itemSelect },
    },
  });
  return { unread: user?._count.notifications ?? 0, latest: (user?.notifications ?? []).map(toItem) };
}

/**
 * One page of a person's notifications, newest first, strictly older than `before` (keyset pagination, so a
 * notification arriving while someone pages never shifts or repeats rows). One statement: it reads one row
 * more than the page to learn whether an older page exists.
 */
export async function listNotifications(
  userId: string,
  { before, limit = PAGE_SIZE }: { before?: NotificationCursor; limit?: number } = {},
): Promise<{ items: NotificationListItem[]; nextCursor: string | null }> {
  const rows = await db.notification.findMany({
    where: {
      userId,
      inApp: true,
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: newestFirst,
    take: limit + 1,
    select: listItemSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toListItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** Every notification type with the person's choice, or the defaults (in-app and e-mail on) where they made none. */
export async function getNotificationPreferences(userId: string): Promise<NotificationPreference[]> {
  const stored = await db.notificationPreference.findMany({ where: { userId }, select: { type: true, inApp: true, email: true } });
  const byType = new Map(stored.map((row) => [row.type, row]));
  return Object.values(NotificationType).map((type) => byType.get(type) ?? { type, inApp: true, email: true });
}
