import { describe, expect, it } from "vitest";
import type { CohortAccess } from "@/lib/auth/access";
import { canCreateCohort, canManageCohort, canRemoveMember } from "@/lib/features/cohorts/policy";

const access = (as: CohortAccess["as"]): CohortAccess => ({
  cohortId: "c",
  cohortName: "Cohort",
  versionId: "v",
  timezone: "UTC",
  reviewTargetHours: 72,
  as,
});

describe("cohort policy", () => {
  it("lets only admins create cohorts", () => {
    expect(canCreateCohort({ isAdmin: true })).toBe(true);
    expect(canCreateCohort({ isAdmin: false })).toBe(false);
  });

  it("manages a cohort with mentor or admin access, never without", () => {
    expect(canManageCohort(access("mentor"))).toBe(true);
    expect(canManageCohort(access("admin"))).toBe(true);
    expect(canManageCohort(null)).toBe(false);
  });

  it("keeps a mentor from removing themselves; an admin or another mentor can", () => {
    const mentor = { id: "m1" };
    expect(canRemoveMember(mentor, access("mentor"), { userId: "m1" })).toBe(false);
    expect(canRemoveMember(mentor, access("mentor"), { userId: "m2" })).toBe(true);
    expect(canRemoveMember({ id: "a" }, access("admin"), { userId: "a" })).toBe(true);
  });
});
