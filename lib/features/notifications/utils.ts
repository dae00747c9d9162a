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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 weeks ago"… past dates only (clock skew → "just now"). */
export function formatRelativeTime(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < 45 * SECOND) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), "day");
  if (elapsed < 30 * DAY) return relative.format(-Math.floor(elapsed / (7 * DAY)), "week");
  if (elapsed < 365 * DAY) return relative.format(-Math.floor(elapsed / (30 * DAY)), "month");
  return relative.format(-Math.floor(elapsed / (365 * DAY)), "year");
}

/** The absolute date shown on hover, e.g. "12 Mar 2026, 14:05 UTC"; the time zone is named so it is never ambiguous. */
export function formatAbsoluteTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

export function unreadLabel(count: number): string {
  if (count === 0) return "Notifications";
  return count === 1 ? "1 unread notification" : `${count} unread notifications`;
}
