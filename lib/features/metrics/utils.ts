import { createHash, timingSafeEqual } from "node:crypto";
import { Gauge, Registry } from "prom-client";
import { DeliveryStatus, MailStatus } from "@/lib/generated/prisma/enums";
import type { DatabaseGauges } from "@/lib/features/metrics/types";
import { METRICS_PREFIX } from "@/lib/metrics/registry";

/** pg-boss's job states; every one is reported, with zeros, so a rule need not guess whether a series exists. */
export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;

/**
 * Whether `given` is the metrics token, in time that does not depend on how much of it matches: both sides are
 * hashed first, so even their lengths are compared without an early exit (docs/security.md #51).
 */
export function isMetricsToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The database's part of a scrape as exposition text. Labels are cohort ids, queue names and statuses — never a
 * name, an address or anything a person typed (docs/security.md #51), and bounded by the number of active cohorts.
 */
export function renderDatabaseGauges(gauges: DatabaseGauges, jobNames: readonly string[]): Promise<string> {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Gauge<L>({ name: `${METRICS_PREFIX}${name}`, help, labelNames, registers: [registry] });

  const waiting = gauge("review_queue_waiting", "Attempts waiting for a review, per active cohort.", ["cohort_id"]);
  const overdue = gauge("review_queue_overdue", "Waiting attempts older than the cohort's review target.", ["cohort_id"]);
  const oldest = gauge("review_queue_oldest_waiting_seconds", "Age of the oldest waiting attempt (0 when none waits).", ["cohort_id"]);
  for (const cohort of gauges.cohorts) {
    waiting.set({ cohort_id: cohort.cohortId }, cohort.waiting);
    overdue.set({ cohort_id: cohort.cohortId }, cohort.overdue);
    oldest.set({ cohort_id: cohort.cohortId }, cohort.oldestSeconds);
  }

  const jobs = gauge("jobs", "Background jobs kept by the queue, by job and state.", ["queue", "state"]);
  for (const name of jobNames) for (const state of JOB_STATES) jobs.set({ queue: name, state }, 0);
  for (const row of gauges.jobs) if (jobNames.includes(row.name)) jobs.set({ queue: row.name, state: row.state }, row.count);
  gauge("jobs_dead_lettered", "Job runs that failed every retry and wait in the dead-letter queue (Admin → Jobs).").set(gauges.deadLettered);

  const mails = gauge("mails", "Mails in the outbox, by status.", ["status"]);
  for (const status of Object.values(MailStatus)) mails.set({ status }, gauges.mails[status] ?? 0);
  const deliveries = gauge("webhook_deliveries", "Webhook deliveries, by status.", ["status"]);
  for (const status of Object.values(DeliveryStatus)) deliveries.set({ status }, gauges.deliveries[status] ?? 0);

  return registry.metrics();
}
