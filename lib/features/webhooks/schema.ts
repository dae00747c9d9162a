import { z } from "zod";
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_EVENTS, WEBHOOK_MESSAGES } from "@/lib/features/webhooks/constants";
import { isSafeHttpUrl, URL_MAX_LENGTH } from "@/lib/safe-url";
import { lineText } from "@/lib/text-input";

const webhookId = z.uuid({ error: WEBHOOK_MESSAGES.notFound });

/**
 * Admin → Webhooks → "New webhook" and "Edit". The URL passes the same http(s) rule as every user-supplied link
 * (docs/security.md #16); whether its address is private is decided when a delivery connects (lib/net/outbound.ts).
 * Events arrive as the form's checked boxes; duplicates collapse into the list's order.
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
};

export const createWebhookSchema = z.strictObject(webhookFields);
export type WebhookInput = z.output<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({ webhookId, ...webhookFields });

/** Pause, resume, "Turn on again", delete, rotate the secret, "Send test": the hook alone. */
export const webhookIdSchema = z.strictObject({ webhookId });

export const setWebhookPausedSchema = z.strictObject({ webhookId, paused: z.boolean() });

export const redeliverSchema = z.strictObject({ deliveryId: z.uuid({ error: WEBHOOK_MESSAGES.deliveryNotFound }) });
