import "server-only";
import { mailFlushJob } from "@/lib/features/mail/jobs";
import { nudgesJob, remindersJob } from "@/lib/features/nudges/jobs";
import { linkCheckJob } from "@/lib/features/progress/jobs";
import { deliverWebhooksJob } from "@/lib/features/webhooks/jobs";
import type { JobDefinition } from "@/lib/jobs/types";

/**
 * Every background job Cairn runs, with its schedule (docs/operations.md, "Background jobs"). The web server starts
 * them (instrumentation.ts) and Admin → Jobs lists them; a feature's own jobs.ts defines each.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [mailFlushJob, nudgesJob, remindersJob, linkCheckJob(), deliverWebhooksJob];
