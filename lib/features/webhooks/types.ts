/** Active; paused by an admin; or switched off by Cairn after failed deliveries. */
export type WebhookState = "active" | "paused" | "switched_off";

/** A cohort a hook can be limited to: running ones first, then archived ones, marked as such. */
export type WebhookCohortOption = { id: string; name: string; archived: boolean };

/** One hook as Admin → Webhooks lists it: never its secret. */
export type WebhookView = {
  id: string;
  url: string;
  description: string;
  events: string[];
  allowPrivateNetwork: boolean;
  /** The one cohort whose events it gets, or null for every cohort. */
  cohort: WebhookCohortOption | null;
  state: WebhookState;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  /** Until when deliveries also carry the previous secret's signature. */
  previousSecretUntil: string | null;
  createdAt: string;
  lastDelivery: { status: DeliveryStatusName; at: string; statusCode: number | null } | null;
  pendingDeliveries: number;
};

export type DeliveryStatusName = "pending" | "succeeded" | "failed";

/** One delivery in a hook's log. */
export type DeliveryView = {
  id: string;
  event: string;
  status: DeliveryStatusName;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** The first KiB of the receiver's last answer, as text (rendered escaped). */
  lastResponse: string | null;
  lastDurationMs: number | null;
  lastAttemptAt: string | null;
  createdAt: string;
};

/** Admin → Webhooks: every hook, and the cohorts "New webhook" offers. */
export type AdminWebhooksPage = { webhooks: WebhookView[]; cohorts: WebhookCohortOption[] };

/** A hook's page: the hook, one page of its log (newest first), the cursor of the next, and the cohorts "Edit" offers. */
export type WebhookPage = { webhook: WebhookView; deliveries: DeliveryView[]; next: string | null; cohorts: WebhookCohortOption[] };

/** "New webhook" and "Rotate secret": the secret, shown this once. */
export type CreatedSecret = { webhookId: string; secret: string };
