import { describe, expect, it } from "vitest";
import { dayFrom as day } from "@/lib/calendar";
import {
  canChangeCheckin,
  canCommentOnCheckin,
  canEditCheckinWeek,
  canReadCheckin,
  type CheckinScope,
} from "@/lib/features/checkins/policy";

const learner = { id: "learner", isAdmin: false };
const mentor = { id: "mentor", isAdmin: false };
const stranger = { id: "stranger", isAdmin: false };
const admin = { id: "admin", isAdmin: true };

const scope = (overrides: Partial<CheckinScope> = {}): CheckinScope => ({
  learnerUserId: "learner",
  learnerActive: true,
  cohortActive: true,
  viewerIsMentor: false,
  ...overrides,
});

describe("check-in policy", () => {
  it("lets only the check-in's learner change it, while they are an active learner", () => {
    expect(canChangeCheckin(learner, scope())).toBe(true);
    expect(canChangeCheckin(learner, scope({ learnerActive: false }))).toBe(false);
    expect(canChangeCheckin(learner, scope({ cohortActive: false }))).toBe(false);
    expect(canChangeCheckin(mentor, scope({ viewerIsMentor: true }))).toBe(false);
    expect(canChangeCheckin(admin, scope())).toBe(false);
  });

  it("lets the cohort's mentors comment and the learner reply; nobody else, admins included", () => {
    expect(canCommentOnCheckin(mentor, scope({ viewerIsMentor: true }))).toBe(true);
    expect(canCommentOnCheckin(learner, scope())).toBe(true);
    expect(canCommentOnCheckin(stranger, scope())).toBe(false);
    expect(canCommentOnCheckin(admin, scope())).toBe(false);
    expect(canCommentOnCheckin(mentor, scope({ viewerIsMentor: true, cohortActive: false }))).toBe(false);
  });

  it("lets commenters and admins read", () => {
    expect(canReadCheckin(mentor, scope({ viewerIsMentor: true }))).toBe(true);
    expect(canReadCheckin(learner, scope())).toBe(true);
    expect(canReadCheckin(admin, scope())).toBe(true);
    expect(canReadCheckin(stranger, scope())).toBe(false);
  });

  it("keeps a week editable during itself and the following week only", () => {
    expect(canEditCheckinWeek(day("2027-01-11"), day("2027-01-11"))).toBe(true);
    expect(canEditCheckinWeek(day("2027-01-04"), day("2027-01-11"))).toBe(true);
    expect(canEditCheckinWeek(day("2026-12-28"), day("2027-01-11"))).toBe(false);
    expect(canEditCheckinWeek(day("2027-01-18"), day("2027-01-11"))).toBe(false);
  });
});
