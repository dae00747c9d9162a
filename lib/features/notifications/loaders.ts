import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import {
  getNotificationPreferences,
  getNotificationSummary,
  getUnreadCount,
  listNotifications,
} from "@/lib/features/notifications/data";
import type { NotificationPage, NotificationPreference, NotificationSummary } from "@/lib/features/notifications/types";
import { parseCursor } from "@/lib/cursor";

/** The bell in the top bar: the viewer's unread count and latest notifications (one statement). */
export const loadNotificationBell = cache(
  async (viewer: Viewer): Promise<NotificationSummary> => getNotificationSummary(viewer.id),
);

/**
 * /notifications: one page of the viewer's own notifications. A malformed `before` reads as a missing page,
 * like a malformed id would.
 */
export const loadNotificationsPage = cache(async (viewer: Viewer, before?: string): Promise<NotificationPage> => {
  const cursor = before === undefined ? undefined : parseCursor(before);
  if (cursor === null) notFound();
  const [page, unread] = await Promise.all([
    listNotifications(viewer.id, { before: cursor }),
    getUnreadCount(viewer.id),
  ]);
  return { ...page, unread, isFirstPage: cursor === undefined };
});

/** Settings → Notifications: the viewer's own choice for every type. */
export const loadNotificationPreferences = cache(
  async (viewer: Viewer): Promise<NotificationPreference[]> => getNotificationPreferences(viewer.id),
);
