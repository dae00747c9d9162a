import "server-only";
import { db, type Tx } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { TYPE_LABELS } from "@/lib/features/notifications/constants";
import { notificationDetails } from "@/lib/features/notifications/schema";
import {
  CLAIM_MINUTES,
  COMPOSE_BATCH,
  COMPOSE_WINDOW_HOURS,
  SEND_BATCH,
  type TransactionalKind,
} from "@/lib/features/mail/constants";
import {
  batchedNotificationsMail,
  nextAttemptAt,
  notificationMail,
  renderMail,
  unsubscribeUrl,
  withoutSecretLinks,
  type MailContent,
} from "@/lib/features/mail/utils";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { kick } from "@/lib/jobs/boss";
import { MAIL_FLUSH_JOB } from "@/lib/jobs/names";
import { logger } from "@/lib/logger";
import { mailSettings, publicBaseUrl, sendMail } from "@/lib/mailer";

// Mail is an outbox (docs/decisions/065-mail.md): a mail is a row in `mails` written before anything is sent, in
// the transaction of the change it announces or by the sweep that turns notifications into mail; the job
// `mail.flush` sends what is due and retries what failed. Without SMTP_URL rows are written as "unsent", so
// Admin → Outbox shows what Cairn would have sent.

/**
 * Notification types whose mails are batched: at most one mail per person per MAIL_BATCH_MINUTES, the rest wait
 * and go together. What the batched mail calls them and where its button leads.
 */
const BATCHED: Partial<Record<NotificationType, { one: string; many: string; actionPath: string; actionLabel: string }>> = {
  submission: { one: "new attempt to review", many: "new attempts to review", actionPath: "/reviews", actionLabel: "Open the review queue" },
};

type QueuedMail = { userId: string | null; to: string; kind: NotificationType | TransactionalKind; content: MailContent; unsubscribeUrl?: string };

/** A mail's row; `status` is "pending" when mail is configured, else "unsent" (read once by the caller). */
function mailRow(mail: QueuedMail, status: "pending" | "unsent", notificationIds: readonly string[] = []): Prisma.MailCreateManyInput {
  return {
    userId: mail.userId,
    toAddress: mail.to,
    kind: mail.kind,
    subject: mail.content.subject,
    textBody: mail.content.text,
    htmlBody: mail.content.html,
    unsubscribeUrl: mail.unsubscribeUrl ?? null,
    notificationIds: [...notificationIds],
    status,
  };
}

/** Writes one mail to the outbox inside the caller's transaction; `mail.flush` sends it (the caller kicks it after). */
export async function queueMail(tx: Tx, mail: QueuedMail): Promise<void> {
  await tx.mail.create({ data: mailRow(mail, mailSettings() ? "pending" : "unsent") });
}

type PendingNotification = {
  id: string;
  user_id: string;
  type: NotificationType;
  title: string;
  href: string;
  details: unknown;
  email: string;
  name: string;
  wanted: boolean;
  last_mail_at: Date | null;
};

/**
 * Turns notifications not yet dealt with into mail: one mail each, or one for several of a batched type. Rows are
 * taken with SKIP LOCKED, so two instances never mail one notification twice; each is marked `emailed_at` in the
 * same transaction, whether it became a mail or the person does not want it by e-mail. Batched ones inside their
 * person's window stay for a later run.
 */
export async function composeNotificationMails(now: Date): Promise<{ composed: number; skipped: number; waiting: number }> {
  const { MAIL_BATCH_MINUTES, NEXTAUTH_SECRET } = parseEnv();
  const status = mailSettings() ? "pending" : "unsent";
  const baseUrl = publicBaseUrl();
  const secret = NEXTAUTH_SECRET ?? "";
  const windowStart = new Date(now.getTime() - COMPOSE_WINDOW_HOURS * 3600_000);
  const batchStart = new Date(now.getTime() - MAIL_BATCH_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<PendingNotification[]>`
      SELECT n.id, n.user_id, n.type, n.title, n.href, n.details, u.email, u.name,
             (u.deactivated_at IS NULL AND COALESCE(p.email, true)) AS wanted,
             (SELECT max(m.created_at) FROM mails m WHERE m.user_id = n.user_id AND m.kind = n.type::text) AS last_mail_at
        FROM notifications n
        JOIN users u ON u.id = n.user_id
        LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.type = n.type
       WHERE n.emailed_at IS NULL AND n.created_at > ${windowStart} AND n.created_at <= ${now}
       ORDER BY n.created_at, n.id
       LIMIT ${COMPOSE_BATCH}
         FOR UPDATE OF n SKIP LOCKED`;
    const groups = new Map<string, PendingNotification[]>();
    for (const row of rows) {
      const key = `${row.user_id}\n${row.type}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const mails: Prisma.MailCreateManyInput[] = [];
    const handled: string[] = [];
    let skipped = 0;
    let waiting = 0;
    for (const group of groups.values()) {
      const [first] = group as [PendingNotification, ...PendingNotification[]];
      if (!first.wanted) {
        skipped += group.length;
        handled.push(...group.map((row) => row.id));
        continue;
      }
      const batch = BATCHED[first.type];
      if (batch && first.last_mail_at && first.last_mail_at > batchStart) {
        waiting += group.length;
        continue;
      }
      const context = {
        baseUrl,
        label: TYPE_LABELS[first.type],
        unsubscribeUrl: unsubscribeUrl(baseUrl, secret, first.user_id, first.type),
      };
      const recipient = { name: first.name };
      const forMail = group.map((row) => ({ ...row, details: notificationDetails(row.details) }));
      const pieces: { content: MailContent; ids: string[] }[] = batch
        ? [{ content: batchedNotificationsMail(recipient, forMail, { ...context, ...batch }), ids: group.map((row) => row.id) }]
        : forMail.map((row) => ({ content: notificationMail(recipient, row, context), ids: [row.id] }));
      for (const piece of pieces) {
        mails.push(
          {
            ...mailRow({ userId: first.user_id, to: first.email, kind: first.type, content: piece.content, unsubscribeUrl: context.unsubscribeUrl }, status, piece.ids),
            createdAt: now,
          },
        );
      }
      handled.push(...group.map((row) => row.id));
    }
    if (mails.length > 0) await tx.mail.createMany({ data: mails });
    if (handled.length > 0) {
      await tx.notification.updateMany({ where: { id: { in: handled } }, data: { emailedAt: now } });
    }
    return { composed: mails.length, skipped, waiting };
  });
}

type ClaimedMail = {
  id: string;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  unsubscribe_url: string | null;
  attempts: number;
};

/** The RFC 8058 one-click address for a mail's unsubscribe page: the same signed query, answered by POST. */
function oneClickAddress(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.pathname = "/api/unsubscribe";
  return url.toString();
}

/**
 * Sends the mail that is due. Each is claimed first (attempt counted, next attempt pushed CLAIM_MINUTES out) with
 * SKIP LOCKED, so two instances never send one mail at once and a sender that dies mid-way leaves it to be retried.
 * A refusal or an unreachable server schedules the next attempt with backoff; after the last, the mail is failed and
 * shows under Admin → Jobs. Invite and reset links lose their token once the mail is sent or given up.
 */
export async function deliverMails(now: Date): Promise<{ sent: number; retrying: number; failed: number }> {
  const settings = mailSettings();
  const outcome = { sent: 0, retrying: 0, failed: 0 };
  if (!settings) return outcome;
  const claimUntil = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
  const claimed = await db.$queryRaw<ClaimedMail[]>`
    UPDATE mails SET attempts = attempts + 1, next_attempt_at = ${claimUntil}, updated_at = ${now}
     WHERE id IN (SELECT id FROM mails
                   WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
                   ORDER BY created_at, id
                   LIMIT ${SEND_BATCH}
                     FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, kind, subject, text_body, html_body, unsubscribe_url, attempts`;
  for (const mail of claimed) {
    const finalBodies = { textBody: withoutSecretLinks(mail.text_body), htmlBody: withoutSecretLinks(mail.html_body) };
    try {
      await sendMail(settings, {
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        ...(mail.unsubscribe_url
          ? { headers: { "List-Unsubscribe": `<${oneClickAddress(mail.unsubscribe_url)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
          : {}),
      });
      await db.mail.update({
        where: { id: mail.id },
        data: { status: "sent", sentAt: now, nextAttemptAt: null, lastError: null, ...finalBodies },
      });
      outcome.sent += 1;
    } catch (error) {
      const retryAt = nextAttemptAt(mail.attempts, now);
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      logger.warn({ mailId: mail.id, attempts: mail.attempts, retryAt, err: error }, "a mail could not be sent");
      await db.mail.update({
        where: { id: mail.id },
        data: retryAt ? { nextAttemptAt: retryAt, lastError } : { status: "failed", nextAttemptAt: null, lastError, ...finalBodies },
      });
      if (retryAt) outcome.retrying += 1;
      else outcome.failed += 1;
    }
  }
  return outcome;
}

/**
 * The unsubscribe link of a mail: switches e-mail off for one person and one notification type, keeping their
 * in-app choice, in one statement (Settings → Notifications shows it at once).
 */
export async function unsubscribe(userId: string, type: NotificationType): Promise<void> {
  const now = new Date();
  await db.$executeRaw`
    INSERT INTO notification_preferences (id, user_id, type, in_app, email, created_at, updated_at)
    SELECT uuidv7(), users.id, ${type}::notification_type, true, false, ${now}, ${now} FROM users WHERE users.id = ${userId}::uuid
    ON CONFLICT (user_id, type) DO UPDATE SET email = false, updated_at = excluded.updated_at`;
}

/** Admin → Outbox → "Send a test e-mail": one mail to the admin's own address, through the outbox like any other. */
export async function queueTestMail(admin: { id: string; email: string; name: string }): Promise<void> {
  const content = renderMail({
    subject: "Test e-mail from Cairn",
    greeting: `Hi ${admin.name},`,
    paragraphs: ["This is the test e-mail you asked for in Admin → Outbox. If you can read it, Cairn's mail works."],
    action: { label: "Open the Outbox", url: `${publicBaseUrl()}/admin/outbox` },
    footer: "You get this because you sent it to yourself.",
  });
  await db.$transaction((tx) => queueMail(tx, { userId: admin.id, to: admin.email, kind: "test", content }));
  kick(MAIL_FLUSH_JOB);
}
