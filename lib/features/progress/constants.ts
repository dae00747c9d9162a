import type { ProgressStatus, SelfAssessment } from "@/lib/generated/prisma/enums";

/** User-visible status labels (docs/product.md, "Domain"); tests and people find things by them. */
export const STATUS_LABELS: Record<ProgressStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  changes_requested: "Changes requested",
  approved: "Approved",
  done: "Done",
};

export const COMPLETE_STATUSES: ReadonlySet<ProgressStatus> = new Set(["approved", "done"]);

/** Most links one attempt carries; the evidence form stops offering rows past it. */
export const EVIDENCE_LINKS_MAX = 10;

/** A learner's answer to "where are you" on a success criterion, in the order the form offers them. */
export const SELF_ASSESSMENT_LABELS: Record<SelfAssessment, string> = {
  not_yet: "Not yet",
  partly: "Partly",
  confident: "Confident",
};
