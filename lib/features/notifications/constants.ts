import type { UseActionOptions } from "@/components/use-action";
import type { NotificationType } from "@/lib/generated/prisma/enums";

/** How many notifications the bell's dropdown shows; the rest are on /notifications. */
export const BELL_LIMIT = 20;
/** Rows per page on /notifications. */
export const PAGE_SIZE = 50;
/** Upper bound on ids in one "mark read" call, so one request cannot build an unbounded IN list. */
export const MARK_READ_MAX = 100;
/** Longer titles are shortened, not refused: a long milestone title must not roll back the decision it announces. */
export const TITLE_MAX = 300;
/** A notification's details: at most this many items, each a line of at most DETAIL_TEXT_MAX characters. */
export const DETAILS_MAX = 50;
export const DETAIL_TEXT_MAX = 300;
export const HREF_MAX = 2048;

/** User-visible names of the notification types. */
export const TYPE_LABELS: Record<NotificationType, string> = {
  decision: "Decision",
  comment: "Comment",
  submission: "Submission",
  checkin_comment: "Check-in comment",
  invite: "Invite",
  roadmap_version: "New roadmap version",
  version_move: "Roadmap updated",
  nudge: "Nudge",
  learner_stalled: "Learner stalled",
  review_reminder: "Review reminder",
  checkin_reminder: "Check-in reminder",
  at_risk_digest: "Weekly at-risk digest",
  link_broken: "Broken evidence link",
  link_replaced: "Replaced evidence link",
  webhook_disabled: "Webhook switched off",
};

/** Settings → Notifications: what each type is, in the words of the person receiving it. */
export const TYPE_HINTS: Record<NotificationType, string> = {
  decision: "A mentor approved your work or asked for changes.",
  comment: "A mentor replied in a milestone's thread.",
  submission: "A learner in a cohort you mentor submitted work for review.",
  checkin_comment: "A mentor commented on your weekly check-in.",
  invite: "You were added to a cohort.",
  roadmap_version: "A new version of the roadmap your cohort follows was published.",
  version_move: "Your cohort was moved to another version of its roadmap.",
  nudge: "A friendly reminder after a quiet week or two on your roadmap.",
  learner_stalled: "A learner in a cohort you mentor has been quiet for weeks.",
  review_reminder: "An attempt in a cohort you mentor is close to, or past, its review target.",
  checkin_reminder: "This week's check-in is not written yet.",
  at_risk_digest: "Every Monday: the learners in your cohorts who are at risk, and why.",
  link_broken: "An approved evidence link stopped working.",
  link_replaced: "A learner replaced a broken evidence link; it waits for your re-approval.",
  webhook_disabled: "A webhook was switched off after its deliveries kept failing.",
};

/**
 * Who a type can reach, so Settings lists only the ones that concern the person: learners, reviewers (mentors and
 * admins), admins, or everyone.
 */
export const TYPE_AUDIENCE: Record<NotificationType, "learner" | "reviewer" | "admin" | "everyone"> = {
  decision: "learner",
  comment: "everyone",
  submission: "reviewer",
  checkin_comment: "learner",
  invite: "everyone",
  roadmap_version: "reviewer",
  version_move: "everyone",
  nudge: "learner",
  learner_stalled: "reviewer",
  review_reminder: "reviewer",
  checkin_reminder: "learner",
  at_risk_digest: "reviewer",
  link_broken: "everyone",
  link_replaced: "reviewer",
  webhook_disabled: "admin",
};

export const PREFERENCES_SAVED = "Notification settings saved.";

export const EMPTY_TEXT = "Nothing new. Decisions and comments on your work will show up here.";

/** How the bell, the list and "Mark all as read" report a read mark that did not happen. */
export const MARK_READ_FAILED = {
  unreachable: "Cairn could not be reached. Check your connection and try again.",
  say: { toast: "Couldn't mark as read" },
  fields: false,
} as const satisfies UseActionOptions;
