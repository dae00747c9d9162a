"use server";

// Every export here is a public endpoint (docs/decisions/005). Webhooks are the instance's: each action reads the
// admin flag from the database on this request (requireAdminForAction), and a hook or delivery is found by its id.
import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { actorOf } from "@/lib/auth/actor";
import { requireAdminForAction } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { WEBHOOK_MESSAGES } from "@/lib/features/webhooks/constants";
import { cohortExists } from "@/lib/features/webhooks/data";
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  rotateWebhookSecret,
  sendTestDelivery,
  setWebhookPaused,
  updateWebhook,
} from "@/lib/features/webhooks/mutations";
import {
  createWebhookSchema,
  redeliverSchema,
  setWebhookPausedSchema,
  updateWebhookSchema,
  webhookIdSchema,
} from "@/lib/features/webhooks/schema";
import type { CreatedSecret, DeliveryView } from "@/lib/features/webhooks/types";

/** A hook is limited to a cohort of this instance, archived or not, or to none. */
async function requireKnownCohort(cohortId: string | null): Promise<void> {
  if (cohortId && !(await cohortExists(cohortId))) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", { cohortId: [WEBHOOK_MESSAGES.cohortInvalid] });
  }
}

/** Admin → Webhooks → "New webhook": answers the signing secret, which is never shown again. */
export async function createWebhookAction(input: unknown): Promise<ActionResult<CreatedSecret>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const parsed = parseInput(createWebhookSchema, input);
    await requireKnownCohort(parsed.cohortId);
    return createWebhook(await actorOf(viewer), parsed);
  });
}

/** "Edit": address, description, events, cohort, private network. */
export async function updateWebhookAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { webhookId, ...values } = parseInput(updateWebhookSchema, input);
    await requireKnownCohort(values.cohortId);
    await updateWebhook(await actorOf(viewer), webhookId, values);
    return undefined;
  });
}

/** "Pause", and "Resume" / "Turn on again". */
export async function setWebhookPausedAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { webhookId, paused } = parseInput(setWebhookPausedSchema, input);
    await setWebhookPaused(await actorOf(viewer), webhookId, paused);
    return undefined;
  });
}

export async function deleteWebhookAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { webhookId } = parseInput(webhookIdSchema, input);
    await deleteWebhook(await actorOf(viewer), webhookId);
    return undefined;
  });
}

/** "Rotate secret": answers the new secret, shown this once. */
export async function rotateWebhookSecretAction(input: unknown): Promise<ActionResult<CreatedSecret>> {
  return runAction(async () => {
    const viewer = await requireAdminForAction();
    const { webhookId } = parseInput(webhookIdSchema, input);
    return rotateWebhookSecret(await actorOf(viewer), webhookId);
  });
}

/** "Send test": delivers a `webhook.test` ping now and answers how it went. */
export async function sendTestWebhookAction(input: unknown): Promise<ActionResult<DeliveryView>> {
  return runAction(async () => {
    await requireAdminForAction();
    const { webhookId } = parseInput(webhookIdSchema, input);
    return sendTestDelivery(webhookId);
  });
}

/** "Redeliver" in a hook's log: the same payload again, as a new delivery. */
export async function redeliverWebhookAction(input: unknown): Promise<ActionResult<{ deliveryId: string }>> {
  return runAction(async () => {
    await requireAdminForAction();
    const { deliveryId } = parseInput(redeliverSchema, input);
    return redeliver(deliveryId);
  });
}
