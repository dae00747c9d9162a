import { describe, expect, it } from "vitest";
import { allowedAreas, canAdministerUsers, canDeactivateUser } from "@/lib/features/users/policy";

describe("user policy", () => {
  it("lets only admins administer people", () => {
    expect(canAdministerUsers({ isAdmin: true })).toBe(true);
    expect(canAdministerUsers({ isAdmin: false })).toBe(false);
  });

  it("never lets someone deactivate their own account", () => {
    expect(canDeactivateUser({ id: "a" }, { id: "a" })).toBe(false);
    expect(canDeactivateUser({ id: "a" }, { id: "b" })).toBe(true);
  });

  it("opens the areas a person's roles give them, in navigation order", () => {
    const none = { mentorCohortIds: [], learnerCohortIds: [] };
    expect(allowedAreas({ isAdmin: false }, none)).toEqual([]);
    expect(allowedAreas({ isAdmin: true }, none)).toEqual(["admin"]);
    expect(allowedAreas({ isAdmin: false }, { mentorCohortIds: ["x"], learnerCohortIds: ["y"] })).toEqual(["learner", "mentor"]);
  });
});
