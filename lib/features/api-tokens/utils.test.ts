import { describe, expect, it } from "vitest";
import { expiryText, isExpired, lastUsedText } from "@/lib/features/api-tokens/utils";

const NOW = new Date("2027-03-10T12:00:00Z");

describe("how a token's dates read in lists", () => {
  it("says Never, the expiry day in the reader's zone, or Expired once past", () => {
    expect(expiryText({ expiresAt: null }, NOW, "UTC")).toBe("Never");
    expect(expiryText({ expiresAt: "2027-06-08T23:30:00.000Z" }, NOW, "Asia/Tokyo")).toBe("9 Jun 2027");
    expect(expiryText({ expiresAt: "2027-03-10T12:00:00.000Z" }, NOW, "UTC")).toBe("Expired 10 Mar 2027");
    expect(isExpired({ expiresAt: "2027-03-10T12:00:01.000Z" }, NOW)).toBe(false);
  });

  it("says when and from where a token was last used, or that it never was", () => {
    expect(lastUsedText({ lastUsedAt: null, lastUsedAddress: null }, NOW, "UTC")).toEqual({ text: "Never used" });
    expect(lastUsedText({ lastUsedAt: "2027-03-10T10:00:00.000Z", lastUsedAddress: "203.0.113.7" }, NOW, "Europe/Berlin")).toEqual({
      text: "2 hours ago from 203.0.113.7",
      title: "10 Mar 2027, 11:00 CET",
    });
    expect(lastUsedText({ lastUsedAt: "2027-03-09T10:00:00.000Z", lastUsedAddress: null }, NOW, "UTC").text).toBe("yesterday");
  });
});
