import { describe, expect, it } from "vitest";
import {
  applyChecklist,
  checklistFeedback,
  containsPattern,
  formatDuration,
  insertAtCursor,
  queueQuery,
  suggestedDecision,
  waitingFor,
} from "@/lib/features/reviews/utils";

const HOUR = 3600 * 1000;

describe("waiting time against the review target", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  it("says how long in whole units and how long is left", () => {
    expect(waitingFor(ago(0.2), now, 72)).toEqual({ waited: "12 minutes", overdue: false, overdueBy: null, left: "2 days" });
    expect(waitingFor(ago(5), now, 72)).toMatchObject({ waited: "5 hours", left: "2 days" });
    expect(waitingFor(ago(47), now, 72)).toMatchObject({ waited: "47 hours", left: "25 hours" });
    expect(waitingFor(ago(72), now, 72)).toMatchObject({ waited: "3 days", overdue: false });
  });

  it("is overdue past the target, and says by how much", () => {
    expect(waitingFor(ago(100), now, 72)).toEqual({ waited: "4 days", overdue: true, overdueBy: "28 hours", left: null });
    expect(waitingFor(ago(25), now, 24)).toMatchObject({ overdue: true, overdueBy: "1 hour" });
  });

  it("never shows a negative wait when clocks disagree", () => {
    expect(waitingFor(new Date(now.getTime() + HOUR), now, 72).waited).toBe("under a minute");
    expect(formatDuration(60_000)).toBe("1 minute");
    expect(formatDuration(24 * HOUR)).toBe("24 hours");
    expect(formatDuration(49 * HOUR)).toBe("2 days");
  });
});

describe("queue helpers", () => {
  it("keeps only the filters that are set, in a stable order", () => {
    expect(queueQuery({})).toBe("");
    expect(queueQuery({ learner: "Bruno C", phase: "projects" })).toBe("?phase=projects&learner=Bruno+C");
  });

  it("takes a learner's % and _ literally in name searches", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("the Done when checklist's feedback", () => {
  const criteria = ["Tests pass in CI", "The README explains\nhow to run it", "A health check"];

  it("lists ticked criteria under Met and the rest under Not yet, one Markdown bullet each", () => {
    expect(checklistFeedback(criteria, [true, false, true])).toBe(
      "**Met:**\n- Tests pass in CI\n- A health check\n\n**Not yet:**\n- The README explains how to run it",
    );
    expect(checklistFeedback(criteria, [true, true, true])).toBe("**Met:**\n- Tests pass in CI\n- The README explains how to run it\n- A health check");
    expect(checklistFeedback(criteria, [])).toBe("**Not yet:**\n- Tests pass in CI\n- The README explains how to run it\n- A health check");
  });

  it("writes into an empty box, and above what the mentor typed on the first tick", () => {
    expect(applyChecklist("", null, "**Met:**\n- A")).toEqual({ comment: "**Met:**\n- A", written: "**Met:**\n- A", detached: false });
    expect(applyChecklist("Nice work.", null, "**Met:**\n- A")).toEqual({
      comment: "**Met:**\n- A\n\nNice work.",
      written: "**Met:**\n- A",
      detached: false,
    });
  });

  it("replaces its own text in place while it stands unchanged, keeping what was typed around it", () => {
    const before = "Hi Amara,\n\n**Met:**\n- A\n\nThanks!";
    expect(applyChecklist(before, "**Met:**\n- A", "**Not yet:**\n- A")).toEqual({
      comment: "Hi Amara,\n\n**Not yet:**\n- A\n\nThanks!",
      written: "**Not yet:**\n- A",
      detached: false,
    });
  });

  it("never overwrites its text once the mentor edited it, and starts over in a box emptied by hand", () => {
    for (const edited of ["**Met:**\n- A (nicely done)", "**Met:**\n- A\n- and B", "**Met:**\n- a", "Well **Met:**\n- A"]) {
      expect(applyChecklist(edited, "**Met:**\n- A", "**Not yet:**\n- A"), edited).toEqual({ comment: edited, written: "**Met:**\n- A", detached: true });
    }
    expect(applyChecklist("  \n", "**Met:**\n- A", "**Not yet:**\n- A")).toEqual({
      comment: "**Not yet:**\n- A",
      written: "**Not yet:**\n- A",
      detached: false,
    });
  });

  it("suggests approving only when every criterion is met", () => {
    expect(suggestedDecision([true, true])).toBe("approve");
    expect(suggestedDecision([true, false])).toBe("request_changes");
    expect(suggestedDecision([false, false])).toBe("request_changes");
  });
});

describe("inserting a saved reply", () => {
  it("replaces the selection, or inserts at the cursor, and puts the cursor after the insertion", () => {
    expect(insertAtCursor("Hello world", 6, 11, "there")).toEqual({ text: "Hello there", cursor: 11 });
    expect(insertAtCursor("ab", 1, 1, "X")).toEqual({ text: "aXb", cursor: 2 });
    expect(insertAtCursor("ab", 99, 99, "X")).toEqual({ text: "abX", cursor: 3 });
  });
});
