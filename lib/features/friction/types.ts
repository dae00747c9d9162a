export type FrictionSort = "friction" | "order" | "time" | "retries" | "wait" | "current" | "stalled";

export type FrictionRow = {
  key: string;
  code: string; // "1.2" for a milestone, "P1" for a project
  title: string;
  phase: string; // the phase title, or "Portfolio projects"
  kind: "milestone" | "project";
  started: number;
  completed: number;
  medianDays: number | null;
  quartileDays: [number, number] | null;
  attempted: number;
  retried: number;
  /** retried / attempted, between 0 and 1 (unrounded); null when nobody attempted it. */
  retryShare: number | null;
  medianWaitHours: number | null;
  current: number;
  stalled: number;
  /** The friction score (`frictionScore` in utils.ts), two decimals; 0 for items nobody started. */
  score: number;
  worst: boolean;
  /** The roadmap editor open at this item, for admins; null for mentors. */
  editHref: string | null;
};

export type FrictionScope =
  | { kind: "cohort"; cohortId: string; cohortName: string; roadmapTitle: string; versionNumber: number }
  | { kind: "version"; roadmapId: string; roadmapTitle: string; versionNumber: number; cohorts: number };

export type FrictionReport = {
  scope: FrictionScope;
  /** Active learners counted. */
  learners: number;
  sort: FrictionSort;
  rows: FrictionRow[]; // sorted by `sort` (worst first for every sort but "order", which is roadmap order)
  asOf: string; // ISO instant of `now`
};
