"use server";

import type { ActionResult } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/viewer";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/features/notifications/mutations";
import type { MarkReadResult } from "@/lib/features/notifications/types";

/** Marks the signed-in person's notifications among `ids` read; `{ ids }` only, 1–100 uuids. */
export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<MarkReadResult>> {
  return markNotificationsRead(await requireViewer(), input);
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<MarkReadResult>> {
  return markAllNotificationsRead(await requireViewer());
}
