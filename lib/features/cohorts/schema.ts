import type { Day } from "@/lib/calendar";
import { z } from "zod";
import { canonicalTimeZone, isTimeZone } from "@/lib/calendar-zones";
import { calendarDay } from "@/lib/calendar-fields";
import { lockVersionSchema } from "@/lib/lock-version";
import { lineText } from "@/lib/text-input";
import {
  COHORT_NAME_MAX,
  EXTENSION_DAYS_MAX,
  BEHIND_PACE_BY_MAX,
  CHANGES_REQUESTED_DAYS_MAX,
  INACTIVITY_DAYS_MAX,
  MENTORS_MAX,
  PHASE_SLIPPED_DAYS_MAX,
  REVIEW_TARGET_HOURS_DEFAULT,
  REVIEW_TARGET_HOURS_MAX,
  WEEKS_PER_PHASE_DEFAULT,
  WEEKS_PER_PHASE_MAX,
} from "@/lib/features/cohorts/constants";
import { emailSchema } from "@/lib/features/users/schema";

// Server-side only in practice: users/schema brings the password policy (argon2) along, so client
// components import limits and messages from constants.ts instead.

// Form fields arrive as strings ("12", ""); numbers from API-style callers pass through unchanged.
function numberOrUndefined(value: unknown) {
  if (typeof value === "string") return value.trim() === "" ? undefined : Number(value);
  return value ?? undefined;
}

export function wholeNumber(min: number, max: number, what: string) {
  const message = `Enter ${what} as a whole number from ${min} to ${max}.`;
  return z.preprocess(numberOrUndefined, z.number({ error: message }).int(message).min(min, message).max(max, message));
}

/** Like wholeNumber, but an empty field means `fallback`. */
function wholeNumberOr(fallback: number, min: number, max: number, what: string) {
  const message = `Enter ${what} as a whole number from ${min} to ${max}.`;
  return z.preprocess(
    numberOrUndefined,
    z
      .number({ error: message })
      .int(message)
      .min(min, message)
      .max(max, message)
      .optional()
      .transform((value) => value ?? fallback),
  );
}

const isoDateSchema = calendarDay("Pick a date.");
/** "" or missing means "no date". */
const optionalIsoDateSchema = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  calendarDay("Pick a date, or leave it empty.").nullable(),
);

const nameSchema = lineText({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(COHORT_NAME_MAX, `Use at most ${COHORT_NAME_MAX} characters.`);

/** IANA names only; stored in the spelling Intl resolves them to ("utc" → "UTC"). */
const timezoneSchema = z
  .string({ error: "Pick a time zone." })
  .trim()
  .refine(isTimeZone, "Pick a time zone from the list, like Europe/Berlin.")
  .transform(canonicalTimeZone);

export const cohortIdSchema = z.uuid("This cohort does not exist.");
const versionIdSchema = z.uuid("Pick a published roadmap version.");

const cohortShape = {
  name: nameSchema,
  startDate: isoDateSchema,
  endDate: optionalIsoDateSchema,
  timezone: timezoneSchema,
};

type Dated = { startDate: Day; endDate: Day | null };
const endNotBeforeStart = (value: Dated) => value.endDate === null || value.endDate >= value.startDate;
const END_BEFORE_START = { message: "The end date must be on or after the start date.", path: ["endDate"] };

/** Admin → "New cohort". Mentors are named by the email of an existing account. */
export const createCohortSchema = z
  .object({
    ...cohortShape,
    // A new cohort may leave these empty and get the defaults; the settings form always sends them.
    weeksPerPhase: wholeNumberOr(WEEKS_PER_PHASE_DEFAULT, 1, WEEKS_PER_PHASE_MAX, "weeks per phase"),
    reviewTargetHours: wholeNumberOr(REVIEW_TARGET_HOURS_DEFAULT, 1, REVIEW_TARGET_HOURS_MAX, "the review target in hours"),
    versionId: versionIdSchema,
    mentorEmails: z
      .array(emailSchema, "List the mentors' emails.")
      .max(MENTORS_MAX, `Name at most ${MENTORS_MAX} mentors; add more later from the cohort's members page.`)
      .transform((emails) => [...new Set(emails)]),
  })
  .strict()
  .refine(endNotBeforeStart, END_BEFORE_START);
export type CreateCohortValues = z.output<typeof createCohortSchema>;

/** Cohort → "Settings". lockVersion is the version the form loaded; a stale one is refused. */
export const cohortSettingsSchema = z
  .object({
    ...cohortShape,
    cohortId: cohortIdSchema,
    lockVersion: lockVersionSchema,
    weeksPerPhase: wholeNumber(1, WEEKS_PER_PHASE_MAX, "weeks per phase"),
    reviewTargetHours: wholeNumber(1, REVIEW_TARGET_HOURS_MAX, "the review target in hours"),
    inactivityDays: wholeNumber(1, INACTIVITY_DAYS_MAX, "the inactivity days"),
    behindPaceBy: wholeNumber(1, BEHIND_PACE_BY_MAX, "the milestones behind pace"),
    changesRequestedDays: wholeNumber(1, CHANGES_REQUESTED_DAYS_MAX, "the days changes may wait for a new attempt"),
    phaseSlippedDays: wholeNumber(1, PHASE_SLIPPED_DAYS_MAX, "the days a phase may run past its target date"),
  })
  .strict()
  .refine(endNotBeforeStart, END_BEFORE_START);
export type CohortSettingsUpdate = Omit<z.output<typeof cohortSettingsSchema>, "cohortId" | "lockVersion">;

export const memberRoleSchema = z.enum(["learner", "mentor"], "Choose learner or mentor.");

export const addMemberSchema = z
  .object({ cohortId: cohortIdSchema, email: emailSchema, role: memberRoleSchema })
  .strict();
/** Remove or add back: the membership names its cohort, so no cohort id is taken from the client. */
export const membershipRefSchema = z.object({ membershipId: z.uuid("This member does not exist.") }).strict();

export const memberScheduleSchema = z
  .object({
    membershipId: z.uuid("This member does not exist."),
    startDate: optionalIsoDateSchema,
    extensionDays: wholeNumber(0, EXTENSION_DAYS_MAX, "the extension in days"),
  })
  .strict();
export const versionPreviewSchema = z.object({ cohortId: cohortIdSchema, versionId: versionIdSchema }).strict();

/** fromVersionId is the version the preview was computed against: a move that raced another move is refused. */
export const versionMoveSchema = z
  .object({ cohortId: cohortIdSchema, fromVersionId: z.uuid(), versionId: versionIdSchema })
  .strict();
