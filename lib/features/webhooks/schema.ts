import { z } from "zod";
import { INSTANCE_EVENT, WEBHOOK_DESCRIPTION_MAX, WEBHOOK_EVENTS, WEBHOOK_MESSAGES } from "@/lib/features/webhooks/constants";
import { isSafeHttpUrl, URL_MAX_LENGTH } from "@/lib/safe-url";
import { lineText } from "@/lib/text-input";

const webhookId = z.uuid({ error: WEBHOOK_MESSAGES.notFound });

/**
 * Admin → Webhooks → "New webhook" and "Edit". The URL passes the same http(s) rule as every user-supplied link
 * (docs/security.md #16); whether its address is private is decided when a delivery connects (lib/net/outbound.ts).
 * Events arrive as the form's checked boxes; duplicates collapse into the list's order. The cohort is "" for every
 * cohort (stored as null) or one cohort's id; whether that cohort exists is the action's check.
 */
const webhookFields = {
  url: z
    .string({ error: WEBHOOK_MESSAGES.urlInvalid })
    .trim()
    .max(URL_MAX_LENGTH, { error: WEBHOOK_MESSAGES.urlInvalid, abort: true })
    .refine(isSafeHttpUrl, { error: WEBHOOK_MESSAGES.urlInvalid }),
  description: lineText().trim().max(WEBHOOK_DESCRIPTION_MAX, { error: WEBHOOK_MESSAGES.descriptionLength }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: WEBHOOK_MESSAGES.eventInvalid }), { error: WEBHOOK_MESSAGES.eventsRequired })
    .min(1, { error: WEBHOOK_MESSAGES.eventsRequired })
    .max(WEBHOOK_EVENTS.length * 2, { error: WEBHOOK_MESSAGES.eventInvalid })
    .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event))),
  allowPrivateNetwork: z.boolean(),
  cohortId: z
    .union([z.literal(""), z.uuid({ error: WEBHOOK_MESSAGES.cohortInvalid })], { error: WEBHOOK_MESSAGES.cohortInvalid })
    .transform((cohortId) => cohortId || null),
};

/** A hook limited to a cohort only gets events whose payload names that cohort (webhookEventInsert). */
const INSTANCE_EVENT_ONLY_FOR_EVERY_COHORT = {
  error: WEBHOOK_MESSAGES.instanceEventForCohort,
  path: ["events"],
};
const eventsFitCohort = (input: { events: string[]; cohortId: string | null }) => input.cohortId === null || !input.events.includes(INSTANCE_EVENT);

export const createWebhookSchema = z.strictObject(webhookFields).refine(eventsFitCohort, INSTANCE_EVENT_ONLY_FOR_EVERY_COHORT);
export type WebhookInput = z.output<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({ webhookId, ...webhookFields }).refine(eventsFitCohort, INSTANCE_EVENT_ONLY_FOR_EVERY_COHORT);

/** Pause, resume, "Turn on again", delete, rotate the secret, "Send test": the hook alone. */
export const webhookIdSchema = z.strictObject({ webhookId });

export const setWebhookPausedSchema = z.strictObject({ webhookId, paused: z.boolean() });

export const redeliverSchema = z.strictObject({ deliveryId: z.uuid({ error: WEBHOOK_MESSAGES.deliveryNotFound }) });
