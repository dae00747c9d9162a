import { describe, expect, it } from "vitest";
import { canEditVersion, canManageRoadmaps } from "@/lib/features/roadmaps/policy";

describe("roadmap policy", () => {
  it("lets admins manage roadmaps and nobody else, signed out included", () => {
    expect(canManageRoadmaps({ isAdmin: true })).toBe(true);
    expect(canManageRoadmaps({ isAdmin: false })).toBe(false);
    expect(canManageRoadmaps(null)).toBe(false);
  });

  it("keeps published and retired versions read-only", () => {
    expect(canEditVersion({ status: "draft" })).toBe(true);
    expect(canEditVersion({ status: "published" })).toBe(false);
    expect(canEditVersion({ status: "retired" })).toBe(false);
  });
});
