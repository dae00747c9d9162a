/** How long "Claim" holds an attempt for one mentor before it counts as free again. */
export const CLAIM_MINUTES = 30;

/**
 * Rows the queue renders at once, oldest first. The queue is worked from the top and `n` walks all of it, so a
 * longer page would only add DOM (docs/performance.md: ≤ 1,400 nodes) without helping anyone.
 */
export const QUEUE_PAGE_SIZE = 50;

/** The largest page `GET /api/v1/reviews` answers with; scripts follow `next` for more. */
export const API_QUEUE_PAGE_MAX = 100;

/** "Nothing waiting — N reviewed this week" counts the decisions of the last seven days. */
export const REVIEWED_WINDOW_DAYS = 7;

/** Phase filter value for portfolio projects, which belong to no phase. */
export const PROJECTS_PHASE = "projects";

/** Longest learner-name search the queue accepts. */
export const LEARNER_SEARCH_MAX = 100;

/** Keyboard shortcuts of the review screen, shown in its decision bar and its `?` overlay. */
export const REVIEW_SHORTCUTS = [
  { keys: ["a"], text: "Move to “Approve” — then Enter approves" },
  { keys: ["r"], text: "Write the comment for “Request changes”; with a comment written, r sends it" },
  { keys: ["Ctrl", "Enter"], text: "In the comment box: send “Request changes” (or the comment, when nothing waits for a decision)" },
  { keys: ["/"], text: "Saved replies: type to filter, ↑ ↓ to choose, Enter inserts at the cursor (Ctrl+/ from the comment box)" },
  { keys: ["Esc"], text: "Leave the comment box, or close the saved replies" },
  { keys: ["c"], text: "Claim or release this attempt" },
  { keys: ["n"], text: "Next attempt in the queue" },
  { keys: ["?"], text: "Show these shortcuts" },
] as const;

/** Saved replies: one person's reusable review feedback (docs/decisions/045-one-comment-box-and-a-review-checklist.md). */
export const SAVED_REPLY_TITLE_MAX = 80;
export const SAVED_REPLY_BODY_MAX = 5_000;
/** Enough for a mentor's whole repertoire; beyond it, replies would rather be edited than piled up. */
export const SAVED_REPLIES_MAX = 50;

export const SAVED_REPLY_MESSAGES = {
  notFound: "This saved reply does not exist.",
  titleRequired: "Give the reply a short title.",
  titleLength: `Keep the title under ${SAVED_REPLY_TITLE_MAX} characters.`,
  bodyRequired: "Write the reply first: the comment box is empty.",
  bodyLength: `Keep a saved reply under ${SAVED_REPLY_BODY_MAX.toLocaleString("en")} characters.`,
  full: `You have ${SAVED_REPLIES_MAX} saved replies, the most Cairn keeps per person. Delete one in Settings to save another.`,
  notReviewer: "Saved replies are for people who review attempts.",
} as const;
