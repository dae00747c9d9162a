// The status model of docs/product.md ("Domain"), in one place. Every write that changes a learner's
// status asks `transition()` first; the roadmap, the milestone page, the portfolio and
// the mentor screens all read the statuses it produced.
import type { EvidenceRequirement, ProgressStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/features/progress/constants";

/** What a learner does to a milestone's status by ticking it, on the roadmap or its page, with no evidence. */
export type TickEvent = "start" | "complete" | "reopen";
export type ProgressEvent = TickEvent | "submit" | "withdraw" | "approve" | "request_changes";

export type ItemRules = { reviewRequired: boolean; evidence: EvidenceRequirement };

export type TransitionContext = {
  /** The learner started the item before completing it (so un-ticking returns to "In progress"). */
  startedBeforeCompletion?: boolean;
  /** The decision on the latest decided attempt, if any (withdrawing a resubmission returns to "Changes requested"). */
  lastDecision?: "approve" | "request_changes" | null;
};

export type Transition = { ok: true; status: ProgressStatus } | { ok: false; message: string };

const refuse = (message: string): Transition => ({ ok: false, message });
const to = (status: ProgressStatus): Transition => ({ ok: true, status });

/** Self-check items are ticked; items that need review or evidence go through "Submit". */
export function isTickable(item: ItemRules) {
  return !item.reviewRequired && item.evidence !== "required";
}

/**
 * A tick's part of `transition`, on its own so that the roadmap's browser code, which guesses a tick's outcome before
 * the server answers, carries only these rules (decision 068).
 */
export function tickTransition(current: ProgressStatus, event: TickEvent, item: ItemRules, context: TransitionContext = {}): Transition {
  const label = STATUS_LABELS[current];
  switch (event) {
    case "start":
      if (current === "not_started") return to("in_progress");
      return refuse(current === "in_progress" ? "This milestone is already in progress." : `This milestone is already "${label}".`);

    case "complete":
      if (item.reviewRequired) return refuse("This milestone needs a mentor's review: submit evidence instead of marking it done.");
      if (item.evidence === "required") return refuse("Add evidence to mark this milestone as done.");
      if (current === "not_started" || current === "in_progress") return to("done");
      return refuse(current === "done" ? "This milestone is already done." : `This milestone is "${label}" and cannot be marked done.`);

    case "reopen":
      if (current === "approved") return refuse("A mentor approved this milestone; it stays approved.");
      if (current === "submitted") return refuse("An attempt is waiting for review: withdraw it first.");
      if (current === "done") return to(context.startedBeforeCompletion ? "in_progress" : "not_started");
      if (current === "in_progress") return to("not_started");
      return refuse(`This milestone is "${label}" and cannot be reset.`);
  }
}

export function transition(
  current: ProgressStatus,
  event: ProgressEvent,
  item: ItemRules,
  context: TransitionContext = {},
): Transition {
  switch (event) {
    case "start":
    case "complete":
    case "reopen":
      return tickTransition(current, event, item, context);

    case "submit":
      if (item.evidence === "none") return refuse("This milestone takes no evidence.");
      if (current === "approved") return refuse("A mentor already approved this milestone.");
      if (current === "submitted") return refuse("An attempt is already waiting for review.");
      // Without review, evidence is recorded and the milestone is done at once (more evidence may follow).
      return to(item.reviewRequired ? "submitted" : "done");

    case "withdraw":
      if (current !== "submitted") return refuse("There is no attempt waiting for review to withdraw.");
      return to(context.lastDecision === "request_changes" ? "changes_requested" : "in_progress");

    case "approve":
    case "request_changes":
      if (current !== "submitted") return refuse("This attempt is no longer waiting for review.");
      return to(event === "approve" ? "approved" : "changes_requested");
  }
}
