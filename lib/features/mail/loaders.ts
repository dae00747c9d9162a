import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getOutboxMail, listOutbox } from "@/lib/features/mail/data";
import { outboxQuerySchema } from "@/lib/features/mail/schema";
import type { OutboxMail, OutboxPage } from "@/lib/features/mail/types";
import { smtpServerLabel } from "@/lib/features/mail/utils";
import { isUuid } from "@/lib/ids";
import { mailSettings } from "@/lib/mailer";

/** Admin → Outbox: every mail Cairn sent, is sending or would have sent, newest first. Admins only. */
export const loadOutbox = cache(async (viewer: Viewer, searchParams: Record<string, string | string[] | undefined>): Promise<OutboxPage> => {
  adminOnly(viewer);
  const { before, status } = outboxQuerySchema.parse(searchParams);
  const settings = mailSettings();
  const page = await listOutbox({ before, status });
  return {
    ...page,
    status: status ?? null,
    configured: settings !== null,
    server: settings ? smtpServerLabel(settings.smtpUrl) : null,
    from: settings?.from ?? null,
  };
});

export const loadOutboxMail = cache(async (viewer: Viewer, id: string): Promise<OutboxMail> => {
  adminOnly(viewer);
  const mail = isUuid(id) ? await getOutboxMail(id) : null;
  if (!mail) notFound();
  return mail;
});
