import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import { composeNotificationMails, deliverMails } from "@/lib/features/mail/mutations";

/** Turns new notifications into mail and sends what is due; every minute, and right after a write that queued mail. */
export const mailFlushJob: JobDefinition = {
  name: MAIL_FLUSH_JOB,
  cron: "* * * * *",
  description: "Turns new notifications into e-mail (batching a mentor's new attempts) and sends the mail that is due, retrying failures with backoff.",
  run: async (now) => {
    const composed = await composeNotificationMails(now);
    const delivered = await deliverMails(now);
    return { ...composed, ...delivered };
  },
};
