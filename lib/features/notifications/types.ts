import type { KeysetCursor } from "@/lib/cursor";
import type { NotificationType } from "@/lib/generated/prisma/enums";

/** One line of what a notification's title sums up, with its own link (the at-risk digest: a learner and why). */
export type NotificationDetail = { text: string; href: string };

/** One notification as pages and the bell see it; dates travel as ISO strings to client components. */
export type NotificationItem = {
  id: string;
  type: NotificationType;
  title: string;
  href: string;
  createdAt: string;
  unread: boolean;
};

/** What the bell in the top bar needs: the unread count and the latest few. */
export type NotificationSummary = {
  unread: number;
  latest: NotificationItem[];
};

/** A row of /notifications: the bell's item and what its title sums up. */
export type NotificationListItem = NotificationItem & { details: NotificationDetail[] };

export type NotificationPage = {
  items: NotificationListItem[];
  unread: number;
  /** Pass as `?before=` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Whether this page was reached through a cursor (so it can offer "Newest"). */
  isFirstPage: boolean;
};

/** Keyset position: rows strictly older than (createdAt, id) come next. */
export type NotificationCursor = KeysetCursor;

/** What both "mark read" actions answer: how many of the viewer's rows changed, and the viewer's unread count now. */
export type MarkReadResult = { marked: number; unread: number };

/** One row of Settings → Notifications; a type without a stored choice shows the defaults (both on). */
export type NotificationPreference = { type: NotificationType; inApp: boolean; email: boolean };

/** A row of Settings → Notifications: the choice with the words that explain it, resolved on the server. */
export type NotificationChoice = NotificationPreference & { label: string; hint: string };
