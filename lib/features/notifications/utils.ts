import { HREF_MAX } from "@/lib/features/notifications/constants";

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
