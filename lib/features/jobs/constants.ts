/** Rows listed per section of Admin → Jobs; the newest first. */
export const LIST_LIMIT = 50;

export const JOB_MESSAGES = {
  mailNotFound: "This mail is no longer failed: it was retried or removed. Reload to see the outbox now.",
  jobNotFound: "There is no background job with this name.",
} as const;
