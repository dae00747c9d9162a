import { z } from "zod";

import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";
import { lineText, multilineText } from "@/lib/text-input";
import { ROADMAP_KEY_PATTERN, ROADMAP_LIMITS } from "@/lib/features/roadmaps/constants";
import { isSafeHttpUrl, URL_MAX_LENGTH } from "@/lib/safe-url";
import { EVIDENCE_LINKS_MAX } from "@/lib/features/progress/constants";

export const EVIDENCE_LABEL_MAX = 120;

const count = (value: number) => value.toLocaleString("en");

export const SUBMISSION_MESSAGES = {
  url: "Use a full http:// or https:// address.",
  urlLength: `Keep links under ${count(URL_MAX_LENGTH)} characters.`,
  label: `Keep the label under ${count(EVIDENCE_LABEL_MAX)} characters.`,
  linksMin: "Add at least one evidence link.",
  linksMax: `Add at most ${count(EVIDENCE_LINKS_MAX)} links.`,
  note: `Keep the note under ${count(MARKDOWN_MAX_LENGTH)} characters.`,
  cohort: "This cohort does not exist.",
  item: "This milestone does not exist.",
} as const;

export const evidenceLinkSchema = z.strictObject({
  url: z
    .string({ error: SUBMISSION_MESSAGES.url })
    .trim()
    // An over-long link would also fail the protocol check; one sentence saying why is enough.
    .max(URL_MAX_LENGTH, { error: SUBMISSION_MESSAGES.urlLength, abort: true })
    // zod's own URL check accepts `javascript:`; this is the same check SafeLink repeats when rendering.
    .refine(isSafeHttpUrl, { error: SUBMISSION_MESSAGES.url }),
  label: lineText()
    .trim()
    .max(EVIDENCE_LABEL_MAX, { error: SUBMISSION_MESSAGES.label })
    // Forms send "" for an empty input; no label means "show the address".
    .transform((label) => (label === "" ? undefined : label))
    .optional(),
});

export const submissionInputSchema = z.strictObject({
  cohortId: z.uuid({ error: SUBMISSION_MESSAGES.cohort }),
  itemKey: z
    .string({ error: SUBMISSION_MESSAGES.item })
    .max(ROADMAP_LIMITS.keyLength, { error: SUBMISSION_MESSAGES.item, abort: true })
    .regex(ROADMAP_KEY_PATTERN, { error: SUBMISSION_MESSAGES.item }),
  links: z
    .array(evidenceLinkSchema, { error: SUBMISSION_MESSAGES.linksMin })
    .min(1, { error: SUBMISSION_MESSAGES.linksMin })
    .max(EVIDENCE_LINKS_MAX, { error: SUBMISSION_MESSAGES.linksMax }),
  note: multilineText()
    .max(MARKDOWN_MAX_LENGTH, { error: SUBMISSION_MESSAGES.note })
    // Not trimmed otherwise: leading indentation is Markdown (an indented code block).
    .transform((note) => (note.trim() === "" ? "" : note))
    .default(""),
});

export const cohortIdSchema = z.uuid({ error: SUBMISSION_MESSAGES.cohort });
export const itemKeySchema = submissionInputSchema.shape.itemKey;
export const COMMENT_MAX = 5_000;

/** "Start", "Mark as done" and un-ticking from the roadmap. */
export const tickInputSchema = z.strictObject({
  cohortId: cohortIdSchema,
  itemKey: itemKeySchema,
  event: z.enum(["start", "complete", "reopen"], { error: "Unknown action." }),
});

/** The evidence form adds an idempotency key so a double click or a retry creates one attempt. */
export const submissionActionInputSchema = submissionInputSchema.extend({
  idempotencyKey: z.uuid({ error: "Reload the page and submit again." }).optional(),
});

/** "Dismiss" on the banner about the cohort's last version move: the viewer's own learner membership. */
export const dismissVersionBannerSchema = z.strictObject({
  membershipId: z.uuid({ error: "This roadmap does not exist." }),
});

export const withdrawInputSchema = z.strictObject({
  cohortId: cohortIdSchema,
  submissionId: z.uuid({ error: "This attempt does not exist." }),
});

const bodySchema = (what: string) =>
  multilineText()
    .trim()
    .min(1, { error: `Write a ${what} first.` })
    .max(COMMENT_MAX, { error: `Keep the ${what} under ${count(COMMENT_MAX)} characters.` });

export const commentInputSchema = z.strictObject({ cohortId: cohortIdSchema, itemKey: itemKeySchema, body: bodySchema("message") });

export const noteInputSchema = z.strictObject({ cohortId: cohortIdSchema, itemKey: itemKeySchema, body: bodySchema("note") });

export const noteUpdateInputSchema = z.strictObject({
  cohortId: cohortIdSchema,
  noteId: z.uuid({ error: "This note does not exist." }),
  body: bodySchema("note"),
});

export const noteDeleteInputSchema = noteUpdateInputSchema.omit({ body: true });

export const JUSTIFICATION_MAX = 1_000;

/** A learner's self-assessment of one success criterion. */
export const selfAssessmentInputSchema = z.strictObject({
  cohortId: cohortIdSchema,
  criterionKey: z.string().regex(ROADMAP_KEY_PATTERN, { error: "This criterion does not exist." }),
  level: z.enum(["not_yet", "partly", "confident"], { error: "Choose how far you are." }),
  justification: multilineText()
    .trim()
    .min(1, { error: "Say in a sentence or two why." })
    .max(JUSTIFICATION_MAX, { error: `Keep it under ${count(JUSTIFICATION_MAX)} characters.` }),
});

/** "Replace link" under a broken evidence link: the new address, checked like any evidence link. */
export const replaceLinkInputSchema = z.strictObject({
  cohortId: cohortIdSchema,
  linkId: z.uuid({ error: "This link does not exist." }),
  url: evidenceLinkSchema.shape.url,
});
