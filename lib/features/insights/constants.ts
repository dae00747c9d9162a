/** Weeks a chart reaches back (and, for a learner's burn-up, forward from this week) at most. */
export const INSIGHT_WEEKS = 52;

/** The cohort health charts a CSV can be asked for, as the address names them. */
export const HEALTH_CHARTS = ["flow", "pace", "review-wait", "streaks"] as const;

/** The "My progress" charts a CSV can be asked for, as the address names them. */
export const PROGRESS_CHARTS = ["burnup", "hours"] as const;
