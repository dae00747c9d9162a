/** What Settings shows about the signed-in person. Never the password hash. */
export type AccountSettings = {
  name: string;
  email: string;
  /** The public portfolio handle; edited on the Portfolio page. */
  handle: string | null;
  /** Whether the person has a Portfolio page to edit the handle on (a learner in a running cohort). */
  hasPortfolio: boolean;
  /** The zone they chose, or null for their cohort's. */
  timeZone: string | null;
  /** The zone dates on Settings are shown in: theirs, else their first cohort's, else UTC. */
  displayTimeZone: string;
  memberSince: string;
};

/** One cohort a person belongs to, and as what. */
export type MyCohort = { id: string; name: string; role: "learner" | "mentor" };

/** `GET /api/v1/me`: the token's person as the database has them now. */
export type Me = { id: string; email: string; name: string; isAdmin: boolean; cohorts: MyCohort[] };
