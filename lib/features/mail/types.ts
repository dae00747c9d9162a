import type { MailStatus } from "@/lib/generated/prisma/enums";

/** One line of Admin → Outbox. */
export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  /** What kind of mail, in words ("Decision", "Invite"). */
  kind: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type OutboxPage = {
  rows: OutboxRow[];
  /** `?before=` of the next (older) page, or null on the last page. */
  olderCursor: string | null;
  status: MailStatus | null;
  /** Mail is configured (SMTP_URL): rows are sent; otherwise they only show what would have been sent. */
  configured: boolean;
  /** Where mail goes, without credentials ("smtp.example.org:587"). */
  server: string | null;
  from: string | null;
};

/** One mail opened from the Outbox: its text part, with secret links removed. */
export type OutboxMail = OutboxRow & { text: string; unsubscribeUrl: string | null };
