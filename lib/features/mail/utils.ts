import { createHmac, timingSafeEqual } from "node:crypto";
import { plural } from "@/lib/plural";
import { RETRY_DELAYS_MINUTES, SECRET_LINK, SECRET_LINK_REMOVED, TRANSACTIONAL_KINDS } from "@/lib/features/mail/constants";
import { TYPE_LABELS } from "@/lib/features/notifications/constants";
import type { NotificationDetail } from "@/lib/features/notifications/types";

// Mail is plain HTML built from escaped strings, not React: mail is composed inside server actions, where Next's
// server-component build has no `react-dom/server` (docs/decisions/065-mail.md). Everything a person typed goes
// through escapeHtml; the layout is one table that mail clients old and new agree on.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

export type MailContent = { subject: string; text: string; html: string };

type MailParts = {
  subject: string;
  /** "Hi Ada," */
  greeting: string;
  paragraphs: readonly string[];
  items?: readonly { text: string; url: string }[];
  action?: { label: string; url: string };
  /** Why this person gets this mail, and how to stop it. */
  footer: string;
  unsubscribeUrl?: string;
};

/** One mail in both parts, from text only: every string is escaped in the HTML part. */
export function renderMail(parts: MailParts): MailContent {
  const text = [
    parts.greeting,
    "",
    ...parts.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(parts.items ?? []).map((item) => `- ${item.text}\n  ${item.url}`),
    ...(parts.items?.length ? [""] : []),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ""] : []),
    "-- ",
    parts.footer,
    ...(parts.unsubscribeUrl ? [`Unsubscribe: ${parts.unsubscribeUrl}`] : []),
  ].join("\n");

  const paragraph = (content: string) => `<p style="margin:0 0 16px;line-height:1.5">${content}</p>`;
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#2f5d50">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(parts.subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f6f5f2;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2421;font-size:15px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e4e1da;border-radius:8px">
<tr><td style="padding:24px">
<p style="margin:0 0 20px;font-weight:600;letter-spacing:0.02em;color:#2f5d50">Cairn</p>
${paragraph(escapeHtml(parts.greeting))}
${parts.paragraphs.map((content) => paragraph(escapeHtml(content))).join("\n")}
${parts.items?.length ? `<ul style="margin:0 0 16px;padding-left:20px;line-height:1.5">${parts.items.map((item) => `<li style="margin-bottom:6px">${link(item.url, item.text)}</li>`).join("")}</ul>` : ""}
${parts.action ? `<p style="margin:8px 0 24px"><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;background:#2f5d50;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(parts.action.label)}</a></p>` : ""}
<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e4e1da;font-size:13px;color:#5f6661;line-height:1.5">${escapeHtml(parts.footer)}${parts.unsubscribeUrl ? ` ${link(parts.unsubscribeUrl, "Unsubscribe")}` : ""}</p>
</td></tr></table>
</body></html>`;
  return { subject: parts.subject, text, html };
}

/** Subjects are one line; a long title is shortened, never refused. */
export function subjectLine(value: string, max = 150): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export type NotificationForMail = { type: string; title: string; href: string; details?: readonly NotificationDetail[] };

/** One notification as a mail: its title is the news, its details (if any) the list, its link the way to act on it. */
export function notificationMail(
  recipient: { name: string },
  notification: NotificationForMail,
  context: { baseUrl: string; label: string; unsubscribeUrl: string },
): MailContent {
  return renderMail({
    subject: subjectLine(notification.title),
    greeting: `Hi ${recipient.name},`,
    paragraphs: [notification.title],
    items: (notification.details ?? []).map((detail) => ({ text: detail.text, url: `${context.baseUrl}${detail.href}` })),
    action: { label: "Open in Cairn", url: `${context.baseUrl}${notification.href}` },
    footer: `You get this because "${context.label}" e-mails are on in your Cairn settings.`,
    unsubscribeUrl: context.unsubscribeUrl,
  });
}

/** Several notifications of one type in one mail (a mentor's new attempts, batched). */
export function batchedNotificationsMail(
  recipient: { name: string },
  notifications: readonly NotificationForMail[],
  context: { baseUrl: string; label: string; unsubscribeUrl: string; one: string; many: string; actionPath: string; actionLabel: string },
): MailContent {
  if (notifications.length === 1) return notificationMail(recipient, notifications[0]!, context);
  const count = plural(notifications.length, context.one, context.many);
  return renderMail({
    subject: subjectLine(`${count} in Cairn`),
    greeting: `Hi ${recipient.name},`,
    paragraphs: [`Since the last e-mail: ${count}.`],
    items: notifications.map((notification) => ({ text: notification.title, url: `${context.baseUrl}${notification.href}` })),
    action: { label: context.actionLabel, url: `${context.baseUrl}${context.actionPath}` },
    footer: `You get this because "${context.label}" e-mails are on in your Cairn settings. Several arrive as one e-mail.`,
    unsubscribeUrl: context.unsubscribeUrl,
  });
}

/**
 * An invite into a cohort ("join Rivers as a learner on Cairn"), or into Cairn itself ("join Cairn as a mentor"):
 * `as` is the role in words, "a learner".
 */
export function inviteMail(invite: { inviterName: string; cohortName: string | null; as: string; url: string; expiresOn: string }): MailContent {
  const what = invite.cohortName === null ? `join Cairn as ${invite.as}` : `join ${invite.cohortName} as ${invite.as} on Cairn`;
  const where = invite.cohortName === null ? "where cohorts follow learning roadmaps with their mentors" : "where your cohort follows its learning roadmap";
  return renderMail({
    subject: subjectLine(`${invite.inviterName} invited you to ${what}`),
    greeting: "Hello,",
    paragraphs: [`${invite.inviterName} invited you to ${what}, ${where}.`, `The link works until ${invite.expiresOn}.`],
    action: { label: "Accept the invite", url: invite.url },
    footer: "You get this because someone entered this address when creating an invite. If you did not expect it, ignore it.",
  });
}

export function passwordResetMail(reset: { name: string; url: string; validFor: string }): MailContent {
  return renderMail({
    subject: "Reset your Cairn password",
    greeting: `Hi ${reset.name},`,
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your Cairn account. The link works once, for ${reset.validFor}.`,
      "If it wasn't you, ignore this e-mail: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url: reset.url },
    footer: "You get this because a password reset was asked for this address.",
  });
}

/** Removes the token from invite and reset links once a mail is sent or given up (docs/security.md #52). */
export function withoutSecretLinks(body: string): string {
  return body.replace(SECRET_LINK, SECRET_LINK_REMOVED);
}

/** When to try again after `attempts` failed attempts; null once they are spent. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

function unsubscribeSignature(secret: string, userId: string, kind: string): string {
  return createHmac("sha256", secret).update(`unsubscribe\n${userId}\n${kind}`).digest("base64url");
}

/** The one-click unsubscribe address for one person and one kind: signed, so it needs no sign-in and fits nobody else. */
export function unsubscribeUrl(baseUrl: string, secret: string, userId: string, kind: string): string {
  const query = new URLSearchParams({ u: userId, k: kind, t: unsubscribeSignature(secret, userId, kind) });
  return `${baseUrl}/unsubscribe?${query.toString()}`;
}

export function isValidUnsubscribe(secret: string, userId: string, kind: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, userId, kind));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** "Decision", "Invite", or the kind itself for one Cairn no longer knows. */
export function kindLabel(kind: string): string {
  return (TYPE_LABELS as Record<string, string>)[kind] ?? (TRANSACTIONAL_KINDS as Record<string, string>)[kind] ?? kind;
}

/** Where mail goes, for people to read: host and port, never the credentials in SMTP_URL. */
export function smtpServerLabel(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === "smtps:" ? "465" : "587")}`;
}
