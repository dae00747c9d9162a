import { HREF_MAX } from "@/lib/features/notifications/constants";
import type { NotificationCursor } from "@/lib/features/notifications/types";
import { isUuid } from "@/lib/ids";

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

/** `<epoch ms>.<uuid>`: opaque enough for a URL, exact because created_at has millisecond precision. */
export function encodeCursor({ createdAt, id }: NotificationCursor): string {
  return `${createdAt.getTime()}.${id}`;
}

export function parseCursor(value: string): NotificationCursor | null {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(value);
  if (!match || !isUuid(match[2])) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]!.toLowerCase() };
}

export function unreadLabel(count: number): string {
  if (count === 0) return "Notifications";
  return count === 1 ? "1 unread notification" : `${count} unread notifications`;
}
