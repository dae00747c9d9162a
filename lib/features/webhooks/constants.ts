// Events, limits, the retry schedule and messages shared by the schemas, the delivery job, the pages and the tests.
// Client components import from here, never from schema.ts or mutations.ts (server-only).

/** Every event a webhook can subscribe to (docs/operations.md, "Webhooks"). */
export const WEBHOOK_EVENTS = [
  "submission.created",
  "submission.reviewed",
  "milestone.completed",
  "learner.at_risk",
  "cohort.member_added",
  "roadmap.version_published",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The delivery sweep's queue name. */
export const DELIVER_JOB = "webhooks.deliver";

/** The ping "Send test" delivers; no hook subscribes to it, it goes to the one being tested. */
export const TEST_EVENT = "webhook.test";

/**
 * The one event no cohort owns (its payload names a roadmap, not a cohort), so a hook limited to a cohort would never
 * get it: such a hook may not subscribe to it.
 */
export const INSTANCE_EVENT = "roadmap.version_published" satisfies WebhookEvent;

/** What each event means, in the words the form uses. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  "submission.created": "A learner submitted evidence for a milestone.",
  "submission.reviewed": "A mentor approved an attempt or asked for changes.",
  "milestone.completed": "A learner completed a milestone (ticked, or approved by a mentor).",
  "learner.at_risk": "A learner went quiet long enough to be at risk.",
  "cohort.member_added": "Someone joined a cohort, added by a mentor or through an invite.",
  "roadmap.version_published": "An admin published a new version of a roadmap.",
};

export const WEBHOOK_DESCRIPTION_MAX = 200;

/** Hooks on one instance: plenty for relays and integrations, few enough that one event stays one cheap INSERT. */
export const WEBHOOKS_MAX = 50;

/** One attempt, connection to last byte. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How much of the receiver's answer is kept on the delivery and shown in the log. */
export const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * Minutes to wait after the 1st, 2nd, … failed attempt. A delivery gets one attempt more than there are steps here
 * (six, spread over about 10.5 hours) and is marked failed after the last.
 */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120, 480] as const;

export const MAX_DELIVERY_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;

/**
 * Failed attempts in a row, across deliveries, that switch a hook off: more than two deliveries' worth of retries,
 * so one bad event does not do it, while a receiver that is gone stops costing Cairn a request a minute.
 */
export const DISABLE_AFTER_FAILURES = 15;

/** After "Rotate secret", deliveries carry the old secret's signature too for this long. */
export const PREVIOUS_SECRET_HOURS = 24;

/** Deliveries one sweep claims; the rest wait for the next sweep (kicked again when this one filled up). */
export const DELIVERY_BATCH = 25;

/** Deliveries sent at once within a sweep. */
export const DELIVERY_CONCURRENCY = 5;

/**
 * A claimed delivery is not due again for this long, so a second sweep skips it while the first one is sending;
 * should the instance die mid-send, the delivery is tried again after it.
 */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

export const DELIVERIES_PAGE_SIZE = 25;

export const WEBHOOK_MESSAGES = {
  urlInvalid: "Enter the full http:// or https:// address of the receiver.",
  descriptionLength: `Use at most ${WEBHOOK_DESCRIPTION_MAX} characters.`,
  eventsRequired: "Pick at least one event.",
  eventInvalid: "Pick events from the list.",
  cohortInvalid: "Pick a cohort from the list.",
  instanceEventForCohort: `${INSTANCE_EVENT} belongs to no cohort, so it is sent only to hooks for every cohort. Leave it out or pick “Every cohort”.`,
  notFound: "This webhook does not exist, or was deleted.",
  deliveryNotFound: "This delivery does not exist.",
  capReached: `This instance already has ${WEBHOOKS_MAX} webhooks. Delete one you no longer use first.`,
} as const;
