export type LearnerMembership = {
  membershipId: string;
  userId: string;
  cohortId: string;
  cohortName: string;
  versionId: string;
  /** The learner's own start date when set, else the cohort's. */
  startDate: Date;
  extensionDays: number;
  weeksPerPhase: number;
  timezone: string;
};
