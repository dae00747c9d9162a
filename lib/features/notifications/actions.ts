"use server";

import type { ActionResult } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/viewer";
import {
  markAllNotificationsRead,
  markNotificationsRead,
  saveNotificationPreferences,
} from "@/lib/features/notifications/mutations";
import type { MarkReadResult, NotificationPreference } from "@/lib/features/notifications/types";

/** Marks the signed-in person's notifications among `ids` read; `{ ids }` only, 1–100 uuids. */
export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<MarkReadResult>> {
  return markNotificationsRead(await requireViewer(), input);
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<MarkReadResult>> {
  return markAllNotificationsRead(await requireViewer());
}

/** Settings → Notifications: the signed-in person's own choices, `{ preferences: [{ type, inApp, email }] }`. */
export async function saveNotificationPreferencesAction(input: unknown): Promise<ActionResult<NotificationPreference[]>> {
  return saveNotificationPreferences(await requireViewer(), input);
}
