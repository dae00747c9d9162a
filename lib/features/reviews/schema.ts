import { z } from "zod";
import { parseCursor } from "@/lib/cursor";
import { ROADMAP_KEY_PATTERN } from "@/lib/features/roadmaps/constants";
import { COMMENT_MAX, evidenceLinkSchema } from "@/lib/features/progress/schema";
import {
  API_QUEUE_PAGE_MAX,
  LEARNER_SEARCH_MAX,
  PROJECTS_PHASE,
  QUEUE_PAGE_SIZE,
  SAVED_REPLY_BODY_MAX,
  SAVED_REPLY_MESSAGES,
  SAVED_REPLY_TITLE_MAX,
} from "@/lib/features/reviews/constants";
import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";
import { lineText, multilineText, searchText } from "@/lib/text-input";

const count = (value: number) => value.toLocaleString("en");

export const REVIEW_MESSAGES = {
  submission: "This attempt does not exist.",
  decision: "Choose “Approve” or “Request changes”.",
  commentRequired: "Say what needs to change: a comment is required to request changes.",
  commentLength: `Keep the comment under ${count(MARKDOWN_MAX_LENGTH)} characters.`,
  replyRequired: "Write a reply first.",
  replyLength: `Keep the reply under ${count(COMMENT_MAX)} characters.`,
} as const;

const submissionId = z.uuid({ error: REVIEW_MESSAGES.submission });

/**
 * Scope always comes from the attempt itself. A client may still name the cohort it thinks the attempt is in; a
 * mismatch reads as "not found", exactly like an unknown id (docs/security.md #3).
 */
const cohortHint = z.uuid({ error: REVIEW_MESSAGES.submission }).optional();

/** "Claim" and "Release". */
export const claimInputSchema = z.strictObject({ submissionId, cohortId: cohortHint });

const decision = z.enum(["approve", "request_changes"], { error: REVIEW_MESSAGES.decision });
const decisionComment = multilineText()
  .max(MARKDOWN_MAX_LENGTH, { error: REVIEW_MESSAGES.commentLength })
  // Blank means no comment; otherwise kept as typed, because leading indentation is Markdown.
  .transform((comment) => (comment.trim() === "" ? "" : comment))
  .default("");

/** The one rule of a decision's comment, for the screen and the API alike: requesting changes says what to change. */
function commentRule(input: { decision: string; comment: string }, context: z.RefinementCtx) {
  if (input.decision === "request_changes" && input.comment === "") {
    context.addIssue({ code: "custom", path: ["comment"], message: REVIEW_MESSAGES.commentRequired });
  }
}

/** "Approve" / "Request changes": a comment (Markdown) is optional to approve and required to request changes. */
export const decisionInputSchema = z
  .strictObject({ submissionId, cohortId: cohortHint, decision, comment: decisionComment })
  .superRefine(commentRule);

export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** `POST /api/v1/submissions/{id}/review`: the same decision, the attempt named by the path. */
export const decisionBodySchema = z
  .strictObject({
    decision: decision.meta({ description: "`approve`, or `request_changes`, which needs a comment." }),
    comment: decisionComment.meta({ description: "Markdown the learner reads with the decision; required to request changes." }),
  })
  .superRefine(commentRule);

/** A mentor's message in the milestone's thread with the learner. */
export const mentorCommentInputSchema = z.strictObject({
  submissionId,
  cohortId: cohortHint,
  body: multilineText()
    .trim()
    .min(1, { error: REVIEW_MESSAGES.replyRequired })
    .max(COMMENT_MAX, { error: REVIEW_MESSAGES.replyLength }),
});

const savedReplyId = z.uuid({ error: SAVED_REPLY_MESSAGES.notFound });
const savedReplyTitle = lineText()
  .trim()
  .min(1, { error: SAVED_REPLY_MESSAGES.titleRequired })
  .max(SAVED_REPLY_TITLE_MAX, { error: SAVED_REPLY_MESSAGES.titleLength });

/** "Save as reply": the comment box as it stands, under a title the mentor picks. */
export const createSavedReplySchema = z.strictObject({
  title: savedReplyTitle,
  // Kept as typed (leading indentation is Markdown); blank is refused.
  body: multilineText()
    .max(SAVED_REPLY_BODY_MAX, { error: SAVED_REPLY_MESSAGES.bodyLength })
    .refine((body) => body.trim() !== "", { error: SAVED_REPLY_MESSAGES.bodyRequired }),
});

export const renameSavedReplySchema = z.strictObject({ id: savedReplyId, title: savedReplyTitle });

export const deleteSavedReplySchema = z.strictObject({ id: savedReplyId });

/**
 * The queue's filters, read from the query string. Only the cohort can be out of scope (the loader answers that
 * with a 404); a malformed phase or an over-long search is dropped rather than refused, as a search box would.
 */
export const queueFiltersSchema = z.object({
  cohort: z.string().optional().catch(undefined),
  phase: z
    .string()
    .refine((phase) => phase === PROJECTS_PHASE || ROADMAP_KEY_PATTERN.test(phase))
    .optional()
    .catch(undefined),
  learner: searchText()
    .trim()
    .max(LEARNER_SEARCH_MAX)
    .transform((learner) => learner || undefined)
    .optional()
    .catch(undefined),
});

export type QueueFilters = { cohort?: string; phase?: string; learner?: string };

/** Next's searchParams give a string, an array for repeated keys, or nothing; the first value wins. */
export function parseQueueFilters(searchParams: Record<string, string | string[] | undefined>): QueueFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = queueFiltersSchema.parse({
    cohort: first(searchParams.cohort) || undefined,
    phase: first(searchParams.phase) || undefined,
    learner: first(searchParams.learner),
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as QueueFilters;
}

/** `GET /api/v1/reviews`: which cohort (default: every cohort the person reviews) and which page. */
export const pendingQuerySchema = z.object({
  cohortId: z.uuid({ error: "Use the id of a cohort you review." }).optional().meta({
    description: "Only this cohort's attempts. Without it: every cohort the person reviews.",
  }),
  limit: z.coerce
    .number({ error: `Use a whole number from 1 to ${API_QUEUE_PAGE_MAX}.` })
    .int({ error: `Use a whole number from 1 to ${API_QUEUE_PAGE_MAX}.` })
    .min(1, { error: `Use a whole number from 1 to ${API_QUEUE_PAGE_MAX}.` })
    .max(API_QUEUE_PAGE_MAX, { error: `Use a whole number from 1 to ${API_QUEUE_PAGE_MAX}.` })
    .default(QUEUE_PAGE_SIZE)
    .meta({ description: `Attempts per page, 1–${API_QUEUE_PAGE_MAX}.` }),
  cursor: z
    .string()
    .refine((cursor) => parseCursor(cursor) !== null, { error: "Use the `next` value of the previous page, unchanged." })
    .optional()
    .meta({ description: "The previous page's `next`, to read the page after it." }),
});

export type PendingQuery = z.infer<typeof pendingQuerySchema>;

/**
 * "Re-approve link": the replacement the mentor saw, so a learner changing it meanwhile is a conflict rather than an
 * approval of an address nobody looked at.
 */
export const reapproveLinkSchema = z.strictObject({
  linkId: z.uuid({ error: "This link does not exist." }),
  replacementUrl: evidenceLinkSchema.shape.url,
});
