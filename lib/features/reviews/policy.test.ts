import { describe, expect, it } from "vitest";
import { canReviewAttemptOf, canUseReviewQueue } from "@/lib/features/reviews/policy";

describe("review policy", () => {
  it("gives a queue to mentors of an active cohort and to admins", () => {
    expect(canUseReviewQueue({ isAdmin: false }, 1)).toBe(true);
    expect(canUseReviewQueue({ isAdmin: true }, 0)).toBe(true);
    expect(canUseReviewQueue({ isAdmin: false }, 0)).toBe(false);
  });

  it("never lets someone review their own attempt, nor a removed learner's (docs/security.md #4)", () => {
    const dual = { id: "dual" };
    expect(canReviewAttemptOf(dual, { userId: "dual", removedAt: null })).toBe(false);
    expect(canReviewAttemptOf(dual, { userId: "learner", removedAt: new Date() })).toBe(false);
    expect(canReviewAttemptOf(dual, { userId: "learner", removedAt: null })).toBe(true);
  });
});
