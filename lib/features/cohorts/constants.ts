// Limits and messages shared by the schemas, the forms and the tests.
export const COHORT_NAME_MAX = 120;
export const WEEKS_PER_PHASE_DEFAULT = 2;
export const WEEKS_PER_PHASE_MAX = 26;
export const REVIEW_TARGET_HOURS_DEFAULT = 72;
export const REVIEW_TARGET_HOURS_MAX = 720;
export const INACTIVITY_DAYS_MAX = 90;
export const BEHIND_PACE_BY_MAX = 50;
export const CHANGES_REQUESTED_DAYS_MAX = 90;
export const PHASE_SLIPPED_DAYS_MAX = 90;
export const EXTENSION_DAYS_MAX = 365;
export const MENTORS_MAX = 20;

export const SETTINGS_CONFLICT_MESSAGE =
  "Someone else saved these settings while you were editing. The form now shows the current values; make your change again.";
/** How each role reads in a sentence: "You were added as a learner". */
export const ROLE_WORD = { learner: "a learner", mentor: "a mentor", admin: "an admin" } as const;

export const VERSION_CONFLICT_MESSAGE =
  "This cohort moved to another roadmap version while you were looking. Review the new preview before moving it.";
