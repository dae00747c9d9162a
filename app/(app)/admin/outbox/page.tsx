import { Inbox } from "@/components/ui/icons/inbox";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Pager } from "@/components/layout/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/viewer";
import { MAIL_STATUS_LABELS } from "@/lib/features/mail/components/mail-status-badge";
import { OutboxTable } from "@/lib/features/mail/components/outbox-table";
import { SendTestMailButton } from "@/lib/features/mail/components/send-test-mail-button";
import { loadOutbox } from "@/lib/features/mail/loaders";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS: (MailStatus | null)[] = [null, "pending", "sent", "failed", "unsent"];

export default async function OutboxPage({ searchParams }: Props) {
  const viewer = await requireAdmin();
  const outbox = await loadOutbox(viewer, await searchParams);
  const zone = viewer.timeZone ?? "UTC";
  const withStatus = (status: MailStatus | null, before?: string) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(before ? { before } : {}) }).toString();
    return query ? `/admin/outbox?${query}` : "/admin/outbox";
  };
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>}
        title="Outbox"
        description={
          outbox.configured
            ? `Every e-mail Cairn sends, from ${outbox.from} through ${outbox.server}. Failed ones are retried with growing pauses, six tries in all.`
            : "Mail is not configured, so nothing is sent. These are the e-mails Cairn would have sent; set SMTP_URL (see .env.example) and restart to send them from now on."
        }
        actions={outbox.configured ? <SendTestMailButton /> : null}
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map((status) => {
          const current = outbox.status === status;
          return (
            <Link
              key={status ?? "all"}
              href={withStatus(status)}
              aria-current={current ? "page" : undefined}
              className={cn(
                "rounded-full border px-3 py-1",
                current ? "border-accent bg-accent-subtle font-medium text-foreground" : "border-border text-muted-foreground hover:text-foreground",
              )}
            >
              {status ? MAIL_STATUS_LABELS[status] : "All"}
            </Link>
          );
        })}
      </nav>
      {outbox.rows.length === 0 ? (
        <EmptyState
          icon={Inbox}
          title={outbox.status ? "No e-mail with this status" : "No e-mail yet"}
          text="Decisions, comments, new attempts, reminders and invites show here as soon as Cairn writes them."
        />
      ) : (
        <div className="grid gap-4">
          <OutboxTable rows={outbox.rows} zone={zone} />
          <Pager next={outbox.olderCursor ? { href: withStatus(outbox.status, outbox.olderCursor), label: "Older" } : null} previous={null} />
        </div>
      )}
    </>
  );
}
