import { describe, expect, it } from "vitest";
import { inviteState } from "@/lib/features/invites/utils";

describe("inviteState", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  const base = { revokedAt: null, expiresAt: new Date("2027-03-02T00:00:00Z"), useCount: 0, maxUses: 1 };
  it("names the first reason a link stops working", () => {
    expect(inviteState(base, now)).toBe("active");
    expect(inviteState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(inviteState({ ...base, useCount: 1 }, now)).toBe("used_up");
    expect(inviteState({ ...base, useCount: 1, revokedAt: now }, now)).toBe("revoked");
  });
});
