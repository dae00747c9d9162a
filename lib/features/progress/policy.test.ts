import { describe, expect, it } from "vitest";
import { isTickable, transition, type ItemRules, type ProgressEvent } from "@/lib/features/progress/policy";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

const selfCheck: ItemRules = { reviewRequired: false, evidence: "optional" };
const evidenceOnly: ItemRules = { reviewRequired: false, evidence: "required" };
const reviewed: ItemRules = { reviewRequired: true, evidence: "required" };

function next(current: ProgressStatus, event: ProgressEvent, item: ItemRules, context = {}) {
  const result = transition(current, event, item, context);
  return result.ok ? result.status : `refused: ${result.message}`;
}

describe("the status model", () => {
  it("walks a reviewed milestone through Not started → In progress → Submitted → Changes requested → Submitted → Approved", () => {
    expect(next("not_started", "start", reviewed)).toBe("in_progress");
    expect(next("in_progress", "submit", reviewed)).toBe("submitted");
    expect(next("submitted", "request_changes", reviewed)).toBe("changes_requested");
    expect(next("changes_requested", "submit", reviewed)).toBe("submitted");
    expect(next("submitted", "approve", reviewed)).toBe("approved");
  });

  it("sends a self-check milestone straight to Done, and lets it be un-ticked", () => {
    expect(next("not_started", "complete", selfCheck)).toBe("done");
    expect(next("in_progress", "complete", selfCheck)).toBe("done");
    expect(next("done", "reopen", selfCheck)).toBe("not_started");
    expect(next("done", "reopen", selfCheck, { startedBeforeCompletion: true })).toBe("in_progress");
    expect(next("in_progress", "reopen", selfCheck)).toBe("not_started");
  });

  it("refuses to tick a milestone that needs review or evidence, saying what to do instead", () => {
    expect(next("in_progress", "complete", reviewed)).toBe(
      "refused: This milestone needs a mentor's review: submit evidence instead of marking it done.",
    );
    expect(next("in_progress", "complete", evidenceOnly)).toBe("refused: Add evidence to mark this milestone as done.");
    expect(isTickable(selfCheck)).toBe(true);
    expect(isTickable(evidenceOnly)).toBe(false);
    expect(isTickable(reviewed)).toBe(false);
  });

  it("records evidence on a milestone without review as Done", () => {
    expect(next("in_progress", "submit", evidenceOnly)).toBe("done");
    expect(next("done", "submit", evidenceOnly)).toBe("done");
  });

  it("never undoes a mentor's approval", () => {
    expect(next("approved", "reopen", reviewed)).toBe("refused: A mentor approved this milestone; it stays approved.");
    expect(next("approved", "submit", reviewed)).toBe("refused: A mentor already approved this milestone.");
    expect(next("approved", "approve", reviewed)).toBe("refused: This attempt is no longer waiting for review.");
  });

  it("allows one pending attempt at a time and withdrawing it", () => {
    expect(next("submitted", "submit", reviewed)).toBe("refused: An attempt is already waiting for review.");
    expect(next("submitted", "reopen", reviewed)).toBe("refused: An attempt is waiting for review: withdraw it first.");
    expect(next("submitted", "withdraw", reviewed)).toBe("in_progress");
    expect(next("submitted", "withdraw", reviewed, { lastDecision: "request_changes" })).toBe("changes_requested");
    expect(next("in_progress", "withdraw", reviewed)).toBe("refused: There is no attempt waiting for review to withdraw.");
  });

  it("refuses evidence on a milestone that takes none", () => {
    expect(next("in_progress", "submit", { reviewRequired: false, evidence: "none" })).toBe(
      "refused: This milestone takes no evidence.",
    );
  });
});
