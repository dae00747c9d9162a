/** After a failed attempt, wait this long before the next; after the last, the mail is marked failed. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 480] as const;
/** First attempt plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
/** A claimed mail is someone's for this long; if its sender dies, another instance takes it after. */
export const CLAIM_MINUTES = 10;
/** Notifications older than this are never mailed (e.g. the backlog from before mail was configured). */
export const COMPOSE_WINDOW_HOURS = 48;
/** Notifications turned into mail per run, and mails sent per run; the next run takes the rest. */
export const COMPOSE_BATCH = 500;
export const SEND_BATCH = 100;
/** Outbox rows per page. */
export const OUTBOX_PAGE_SIZE = 50;

/** Kinds of mail that are not a notification type; one cannot unsubscribe from these. */
export const TRANSACTIONAL_KINDS = {
  invite: "Invite",
  password_reset: "Password reset",
  test: "Test e-mail",
} as const;
export type TransactionalKind = keyof typeof TRANSACTIONAL_KINDS;

/** Paths that carry a secret token; a sent mail keeps only the path with the token removed (docs/security.md #52). */
export const SECRET_LINK = /\/(invite|reset-password)\/[A-Za-z0-9_-]+/g;
export const SECRET_LINK_REMOVED = "/$1/[removed after sending]";

export const UNSUBSCRIBE_DONE = "Done: you won't get these e-mails any more. You can switch them back on in Settings → Notifications.";
export const UNSUBSCRIBE_INVALID = "This unsubscribe link is not valid. Change your e-mail choices in Settings → Notifications.";
