/** What one scrape read from the database. */
export type DatabaseGauges = {
  cohorts: { cohortId: string; waiting: number; overdue: number; oldestSeconds: number }[];
  /** Count per status; a status with no rows is missing. */
  mails: Record<string, number>;
  deliveries: Record<string, number>;
  jobs: { name: string; state: string; count: number }[];
  deadLettered: number;
};

/** The answer to a scrape: the exposition text, or why the caller may not read it. */
export type MetricsScrape =
  | { status: 200; contentType: string; text: string }
  | { status: 401 | 403 | 429; detail: string; challenge?: string; retryAfterSeconds?: number };
