import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/viewer";
import { formatMoment } from "@/lib/calendar-zones";
import { MailStatusBadge } from "@/lib/features/mail/components/mail-status-badge";
import { loadOutboxMail } from "@/lib/features/mail/loaders";

export const metadata: Metadata = { title: "E-mail" };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMailPage({ params }: Props) {
  const viewer = await requireAdmin();
  const mail = await loadOutboxMail(viewer, (await params).id);
  const zone = viewer.timeZone ?? "UTC";
  return (
    <>
      <PageHeader eyebrow={<Link href="/admin/outbox" className="hover:underline">Outbox</Link>} title={mail.subject} />
      <Card>
        <CardContent className="grid gap-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">To</dt>
            <dd className="break-all">{mail.to}</dd>
            <dt className="text-muted-foreground">Kind</dt>
            <dd>{mail.kind}</dd>
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <MailStatusBadge status={mail.status} />
              {mail.attempts > 0 ? <span className="ml-2 text-muted-foreground">after {mail.attempts} {mail.attempts === 1 ? "try" : "tries"}</span> : null}
            </dd>
            <dt className="text-muted-foreground">Written</dt>
            <dd className="tabular-nums">{formatMoment(mail.createdAt, zone)}</dd>
            {mail.sentAt ? (
              <>
                <dt className="text-muted-foreground">Sent</dt>
                <dd className="tabular-nums">{formatMoment(mail.sentAt, zone)}</dd>
              </>
            ) : null}
            {mail.lastError ? (
              <>
                <dt className="text-muted-foreground">Last error</dt>
                <dd className="break-words text-status-danger-fg">{mail.lastError}</dd>
              </>
            ) : null}
          </dl>
          <section aria-labelledby="mail-text-heading" className="grid gap-2">
            <h2 id="mail-text-heading" className="text-sm font-semibold">
              Text
            </h2>
            <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 text-sm whitespace-pre-wrap break-words">{mail.text}</pre>
            <p className="text-xs text-muted-foreground">Links that sign someone in or reset a password are shown without their secret.</p>
          </section>
        </CardContent>
      </Card>
    </>
  );
}
