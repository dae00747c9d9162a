// Limits and messages shared by the schemas, the forms and the tests.
export const COHORT_NAME_MAX = 120;
export const WEEKS_PER_PHASE_DEFAULT = 2;
export const WEEKS_PER_PHASE_MAX = 26;
export const REVIEW_TARGET_HOURS_DEFAULT = 72;
export const REVIEW_TARGET_HOURS_MAX = 720;
export const INACTIVITY_DAYS_MAX = 90;
export const EXTENSION_DAYS_MAX = 365;
export const MENTORS_MAX = 20;
export const INVITE_USES_MAX = 500;
export const INVITE_EXPIRY_DAYS_MAX = 90;
/** Expiry choices the invite form offers; the schema accepts any whole number of days up to the max. */
export const INVITE_EXPIRY_CHOICES = [1, 3, 7, 14, 30] as const;

export const SETTINGS_CONFLICT_MESSAGE =
  "Someone else saved these settings while you were editing. The form now shows the current values; make your change again.";
export const VERSION_CONFLICT_MESSAGE =
  "This cohort moved to another roadmap version while you were looking. Review the new preview before moving it.";
export const INVITE_INVALID_MESSAGE = "This invite link is not valid any more";
