import { z } from "zod";
import { DETAIL_TEXT_MAX, DETAILS_MAX, MARK_READ_MAX, TITLE_MAX } from "@/lib/features/notifications/constants";
import { isOnSitePath } from "@/lib/features/notifications/utils";
import type { NotificationDetail } from "@/lib/features/notifications/types";
import { NotificationType } from "@/lib/generated/prisma/enums";

/** Input of "mark these read": only ids; anything else (userId, readAt…) is refused (docs/security.md #7). */
export const markReadSchema = z
  .object({
    ids: z
      .array(z.uuid("Each id must be a notification id."), "Send a list of notification ids.")
      .min(1, "Choose at least one notification.")
      .max(MARK_READ_MAX, `Mark at most ${MARK_READ_MAX} notifications at once.`),
  })
  .strict();

const onSitePath = z.string().refine(isOnSitePath, "The link must be an on-site path such as /roadmap (not //host or a URL).");

const notificationDetailSchema = z.object({ text: z.string().trim().min(1).max(DETAIL_TEXT_MAX), href: onSitePath }).strict();

/**
 * What code elsewhere in Cairn hands to notify(). The href is the one thing that can hurt a reader (an open
 * redirect or a `javascript:` link in the bell), so it must be an on-site path.
 */
export const notificationInputSchema = z
  .object({
    userId: z.uuid(),
    type: z.enum(NotificationType),
    title: z
      .string()
      .trim()
      .min(1, "A notification needs a title.")
      .transform((title) => (title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1).trimEnd()}…` : title)),
    href: onSitePath,
    /** What the title only sums up (the at-risk digest's learners and why), each with its own on-site link. */
    details: z.array(notificationDetailSchema).max(DETAILS_MAX).optional(),
  })
  .strict();

export type NotificationInput = z.input<typeof notificationInputSchema>;

/**
 * Settings → Notifications: one choice per type, each type at most once. Types left out keep their current choice.
 */
export const notificationPreferencesSchema = z
  .object({
    preferences: z
      .array(
        z.object({ type: z.enum(NotificationType, "Choose a notification type from the list."), inApp: z.boolean(), email: z.boolean() }).strict(),
        "Send a list of notification choices.",
      )
      .max(Object.keys(NotificationType).length, "Send each notification type once.")
      .refine((items) => new Set(items.map((item) => item.type)).size === items.length, "Send each notification type once."),
  })
  .strict();

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/**
 * A stored `details` value as lines to show or mail. Writers validate on the way in; the same rules keep only
 * well-formed lines on the way out, for rows written any other way (SQL, an old bug).
 */
export function notificationDetails(stored: unknown): NotificationDetail[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = notificationDetailSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, DETAILS_MAX);
}
