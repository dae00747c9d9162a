import { z } from "zod";
import { weekStartOf } from "@/lib/calendar";
import { calendarDay } from "@/lib/calendar-fields";
import { lockVersionSchema } from "@/lib/lock-version";
import { ROADMAP_KEY_PATTERN } from "@/lib/features/roadmaps/constants";
import { multilineText } from "@/lib/text-input";
import { COMMENT_MAX, HOURS_MAX, PLANNED_MILESTONES_MAX, TEXT_MAX } from "@/lib/features/checkins/constants";

export const CONFLICT_MESSAGE = "This check-in changed in another tab — reload to see it.";
export const CLOSED_MESSAGE = "This week is closed out. Reopen it to make changes.";
export const WEEK_LOCKED_MESSAGE =
  "This week can no longer be changed: a check-in stays editable during its week and the week after.";

const HOURS_MESSAGE = `Enter whole hours from 0 to ${HOURS_MAX}.`;

// Forms send what the field holds ("12", ""); numbers from API-style callers pass through unchanged.
function toNumberOrNull(value: unknown) {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : Number(value);
  return value;
}

const hoursSchema = z.number({ error: HOURS_MESSAGE }).int(HOURS_MESSAGE).min(0, HOURS_MESSAGE).max(HOURS_MAX, HOURS_MESSAGE);

const cohortIdSchema = z.uuid("Choose a cohort.");
const checkinIdSchema = z.uuid("This check-in does not exist.");

const weekStartSchema = calendarDay("Pick a week.").refine((value) => weekStartOf(value) === value, "A week starts on a Monday.");

/** The version the form loaded; null when there was no check-in for the week yet. */
const nullableLockVersionSchema = lockVersionSchema.nullable();

const textSchema = multilineText({ error: "Enter text." })
  .trim()
  .max(TEXT_MAX, `Use at most ${TEXT_MAX.toLocaleString("en")} characters.`);

export const checkinPlanSchema = z
  .object({
    cohortId: cohortIdSchema,
    weekStart: weekStartSchema,
    lockVersion: nullableLockVersionSchema,
    plannedKeys: z
      .array(z.string().trim().max(200).regex(ROADMAP_KEY_PATTERN, "Pick milestones from the list."), {
        error: "Pick milestones from the list.",
      })
      .transform((keys) => [...new Set(keys)])
      .pipe(z.array(z.string()).max(PLANNED_MILESTONES_MAX, `Pick at most ${PLANNED_MILESTONES_MAX} milestones.`)),
    plannedHours: z.preprocess(toNumberOrNull, hoursSchema.nullable()),
  })
  .strict();

export const checkinCloseOutSchema = z
  .object({
    cohortId: cohortIdSchema,
    weekStart: weekStartSchema,
    lockVersion: nullableLockVersionSchema,
    learned: textSchema,
    built: textSchema,
    tested: textSchema,
    documented: textSchema,
    reviewed: textSchema,
    blockers: textSchema,
    reflection: textSchema,
    actualHours: z.preprocess(
      toNumberOrNull,
      z.number({ error: `Enter the hours you spent this week, 0 to ${HOURS_MAX}.` }).pipe(hoursSchema),
    ),
  })
  .strict();

export const reopenCheckinSchema = z
  .object({
    checkinId: checkinIdSchema,
    lockVersion: lockVersionSchema,
  })
  .strict();

export const checkinCommentSchema = z
  .object({
    checkinId: checkinIdSchema,
    body: multilineText({ error: "Write a comment." })
      .trim()
      .min(1, "Write a comment.")
      .max(COMMENT_MAX, `Use at most ${COMMENT_MAX.toLocaleString("en")} characters.`),
  })
  .strict();

export type CheckinPlanInput = z.input<typeof checkinPlanSchema>;
export type CheckinCloseOutInput = z.input<typeof checkinCloseOutSchema>;
export type ReopenCheckinInput = z.input<typeof reopenCheckinSchema>;
export type CheckinCommentInput = z.input<typeof checkinCommentSchema>;
