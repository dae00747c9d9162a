import { describe, expect, it } from "vitest";
import type { CohortAccess } from "@/lib/auth/access";
import { canInviteAs, canManageCohortInvites, canManageInstanceInvites, isInviteUsable } from "@/lib/features/invites/policy";

const mentorAccess: CohortAccess = { cohortId: "c", cohortName: "Cohort", versionId: "v", timezone: "UTC", reviewTargetHours: 72, as: "mentor" };

describe("invite policy", () => {
  it("cohort links belong to whoever manages the cohort; instance links to admins", () => {
    expect(canManageCohortInvites(mentorAccess)).toBe(true);
    expect(canManageCohortInvites(null)).toBe(false);
    expect(canManageInstanceInvites({ isAdmin: true })).toBe(true);
    expect(canManageInstanceInvites({ isAdmin: false })).toBe(false);
  });

  it("never ties an admin link to a cohort (docs/security.md #35)", () => {
    expect(canInviteAs("admin", null)).toBe(true);
    expect(canInviteAs("admin", "c")).toBe(false);
    expect(canInviteAs("learner", "c")).toBe(true);
    expect(canInviteAs("mentor", null)).toBe(true);
  });

  it("uses a link only while it is neither revoked, used up nor expired", () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const open = { revokedAt: null, expiresAt: new Date("2027-03-02T00:00:00Z"), useCount: 0, maxUses: 2 };
    expect(isInviteUsable(open, now)).toBe(true);
    expect(isInviteUsable({ ...open, revokedAt: now }, now)).toBe(false);
    expect(isInviteUsable({ ...open, useCount: 2 }, now)).toBe(false);
    expect(isInviteUsable({ ...open, expiresAt: now }, now)).toBe(false);
  });
});
