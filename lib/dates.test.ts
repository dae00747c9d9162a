import { describe, expect, it } from "vitest";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/dates";

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
