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
import { TYPE_AUDIENCE, TYPE_HINTS, TYPE_LABELS } from "@/lib/features/notifications/constants";
import type { NotificationChoice, NotificationPage, NotificationSummary } from "@/lib/features/notifications/types";
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

/**
 * Settings → Notifications: the viewer's choice for each type that can reach them (TYPE_AUDIENCE, read against the
 * roles the session check loaded), with its label and hint.
 */
export const loadNotificationPreferences = cache(async (viewer: Viewer): Promise<NotificationChoice[]> => {
  const learner = (viewer.roles?.learnerCohortIds.length ?? 0) > 0;
  const reviewer = viewer.isAdmin || (viewer.roles?.mentorCohortIds.length ?? 0) > 0;
  const reaches = { everyone: true, learner: learner || !reviewer, reviewer, admin: viewer.isAdmin };
  const preferences = await getNotificationPreferences(viewer.id);
  return preferences
    .filter((row) => reaches[TYPE_AUDIENCE[row.type]])
    .map((row) => ({ ...row, label: TYPE_LABELS[row.type], hint: TYPE_HINTS[row.type] }));
});
