import { describe, expect, it } from "vitest";
import { encodeCursor, formatAbsoluteTime, formatRelativeTime, isOnSitePath, parseCursor, unreadLabel } from "@/lib/features/notifications/utils";

describe("isOnSitePath", () => {
  it.each(["/", "/roadmap", "/reviews/0190f0a0-0000-7000-8000-000000000000?tab=thread#c-1"])("accepts %j", (value) => {
    expect(isOnSitePath(value)).toBe(true);
  });

  it.each(["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "x", "", null, 7])(
    "refuses %j",
    (value) => {
      expect(isOnSitePath(value)).toBe(false);
    },
  );
});

describe("cursor", () => {
  it("round-trips", () => {
    const cursor = { createdAt: new Date("2026-03-01T12:00:00.123Z"), id: "0190f0a0-0000-7000-8000-000000000000" };
    expect(parseCursor(encodeCursor(cursor))).toEqual(cursor);
  });
});

describe("times", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it.each([
    [10 * 1000, "just now"],
    [60 * 1000, "1 minute ago"],
    [59 * 60 * 1000, "59 minutes ago"],
    [2 * 3600 * 1000 + 59 * 60 * 1000, "2 hours ago"],
    [30 * 3600 * 1000, "yesterday"],
    [3 * 86400 * 1000, "3 days ago"],
    [15 * 86400 * 1000, "2 weeks ago"],
    [400 * 86400 * 1000, "last year"],
    [-5000, "just now"],
  ])("%i ms before now reads %j", (elapsed, text) => {
    expect(formatRelativeTime(new Date(now.getTime() - elapsed), now)).toBe(text);
  });

  it("names the time zone of the absolute date", () => {
    expect(formatAbsoluteTime(now, "UTC")).toBe("10 Mar 2026, 12:00 UTC");
  });
});

describe("the bell's accessible name", () => {
  it.each([
    [0, "Notifications"],
    [1, "1 unread notification"],
    [3, "3 unread notifications"],
  ])("%i → %j", (count, label) => {
    expect(unreadLabel(count)).toBe(label);
  });
});
