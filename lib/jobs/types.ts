/**
 * A background job Cairn runs on PostgreSQL (docs/decisions/061-jobs-on-postgresql.md). `run` does one sweep of
 * whatever is due at `now` and is written so that running it twice, or on two instances, does no harm: it works
 * from rows in Cairn's own tables and marks each as done in the same statement that does it.
 */
export type JobDefinition = {
  /** Queue name, e.g. "mail.flush". */
  name: string;
  /** Five-field cron in UTC; the sweep also runs whenever `kick(name)` is called. */
  cron: string;
  /** What an admin reads under Admin → Jobs. */
  description: string;
  run: (now: Date) => Promise<JobSummary>;
};

/** What one run did, e.g. `{ sent: 3, failed: 1 }`: logged and kept with the job. */
export type JobSummary = Record<string, number>;
