/** One background job as Admin → Jobs shows it. */
export type JobOverview = {
  name: string;
  description: string;
  /** The cron schedule in words, e.g. "every 5 minutes". */
  schedule: string;
  lastRun: { finishedAt: string; durationMs: number | null; succeeded: boolean; summary: string } | null;
  /** Runs in pg-boss's job table now (finished ones move to its archive after 12 hours), by state. */
  states: { state: string; count: number }[];
};

/** A run that failed every retry (it also sits in the dead-letter queue). */
export type FailedRun = { id: string; name: string; failedAt: string; error: string };

export type FailedMail = { id: string; to: string; subject: string; attempts: number; lastError: string | null; failedAt: string };

export type FailedDeliveries = { total: number; webhooks: { webhookId: string; label: string; count: number }[] };

export type JobsPage = {
  /** False until a Cairn process has started the job queue and created its schema. */
  queueReady: boolean;
  jobs: JobOverview[];
  failedRuns: FailedRun[];
  failedMails: FailedMail[];
  failedDeliveries: FailedDeliveries;
};
