import "server-only";
import { DELIVER_JOB } from "@/lib/features/webhooks/constants";
import { deliverDueWebhooks } from "@/lib/features/webhooks/mutations";
import type { JobDefinition } from "@/lib/jobs/types";

/** Sends what is due; every minute, and right after a write that recorded an event (decision 062). */
export const deliverWebhooksJob: JobDefinition = {
  name: DELIVER_JOB,
  cron: "* * * * *",
  description: "Sends webhook deliveries that are due, signed, retrying failed ones with backoff and switching off a hook that keeps failing.",
  run: deliverDueWebhooks,
};
