import { DETAIL_TEXT_MAX, DETAILS_MAX, HREF_MAX } from "@/lib/features/notifications/constants";
import type { NotificationDetail } from "@/lib/features/notifications/types";

// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil.example" and "/\\evil.example"
// leave the site; no whitespace, control character or backslash is allowed anywhere.
const UNSAFE_CHARACTERS = /[\s\\\u0000-\u001f\u007f]/;

/** True for a same-site path such as "/roadmap/x?y#z"; false for "//host", "/\\host", "https://…", "javascript:…". */
export function isOnSitePath(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > HREF_MAX) return false;
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTERS.test(value)) return false;
  try {
    return new URL(value, "http://cairn.invalid").origin === "http://cairn.invalid";
  } catch {
    return false;
  }
}

export function unreadLabel(count: number): string {
  if (count === 0) return "Notifications";
  return count === 1 ? "1 unread notification" : `${count} unread notifications`;
}

/**
 * A stored `details` value as lines to show or mail. Writers validate on the way in; this keeps only well-formed
 * lines with on-site links on the way out, for rows written any other way (SQL, an old bug).
 */
export function notificationDetails(stored: unknown): NotificationDetail[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((item): item is NotificationDetail => typeof item?.text === "string" && item.text.length <= DETAIL_TEXT_MAX && isOnSitePath(item.href))
    .slice(0, DETAILS_MAX)
    .map(({ text, href }) => ({ text, href }));
}
