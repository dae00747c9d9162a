import { describe, expect, it } from "vitest";
import { encodeCursor, parseCursor } from "@/lib/cursor";
import { isOnSitePath, unreadLabel } from "@/lib/features/notifications/utils";

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

describe("the bell's accessible name", () => {
  it.each([
    [0, "Notifications"],
    [1, "1 unread notification"],
    [3, "3 unread notifications"],
  ])("%i → %j", (count, label) => {
    expect(unreadLabel(count)).toBe(label);
  });
});
