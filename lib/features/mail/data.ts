import "server-only";
import { db } from "@/lib/db";
import { OUTBOX_PAGE_SIZE } from "@/lib/features/mail/constants";
import type { OutboxMail, OutboxRow } from "@/lib/features/mail/types";
import { kindLabel, withoutSecretLinks } from "@/lib/features/mail/utils";
import type { MailStatus } from "@/lib/generated/prisma/enums";

const rowSelect = {
  id: true,
  toAddress: true,
  subject: true,
  kind: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
} as const;

type Row = { id: string; toAddress: string; subject: string; kind: string; status: MailStatus; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null };

function toRow(row: Row): OutboxRow {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    kind: kindLabel(row.kind),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Newest first, one page strictly older than `before` (ids are time-ordered uuidv7), in one statement. */
export async function listOutbox({ before, status }: { before?: string; status?: MailStatus }): Promise<{ rows: OutboxRow[]; olderCursor: string | null }> {
  const rows = await db.mail.findMany({
    where: { ...(before ? { id: { lt: before } } : {}), ...(status ? { status } : {}) },
    orderBy: { id: "desc" },
    take: OUTBOX_PAGE_SIZE + 1,
    select: rowSelect,
  });
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  return { rows: page.map(toRow), olderCursor: rows.length > OUTBOX_PAGE_SIZE ? page.at(-1)!.id : null };
}

export async function getOutboxMail(id: string): Promise<OutboxMail | null> {
  const row = await db.mail.findUnique({ where: { id }, select: { ...rowSelect, textBody: true, unsubscribeUrl: true } });
  if (!row) return null;
  return { ...toRow(row), text: withoutSecretLinks(row.textBody), unsubscribeUrl: row.unsubscribeUrl };
}
