/** Nudges come at one, two and three times the cohort's inactivity setting (7, 14, 21 days by default). */
export const NUDGE_STEPS = 3;
/** The step from which a quiet learner's mentors are told as well: the step after the learner's first nudge. */
export const MENTOR_STEP = 2;
/** Never more than one nudge of a kind for one learner within this many days. */
export const NUDGE_GAP_DAYS = 7;
/** An attempt is "due soon" once this share of the cohort's review target has passed. */
export const REVIEW_DUE_SOON_SHARE = 0.75;
/** Reminders look no further back than this for waiting attempts (older ones are the digest's business). */
export const REVIEW_REMINDER_WINDOW_DAYS = 30;
/** The check-in reminder: Friday from 14:00, in the cohort's time zone. */
export const CHECKIN_REMINDER = { weekday: 5, fromHour: 14 } as const;
/** The at-risk digest: Monday from 08:00, in the cohort's time zone. */
export const AT_RISK_DIGEST = { weekday: 1, fromHour: 8 } as const;
/** Names in a digest's title before "and N more". */
export const DIGEST_NAMES = 3;
