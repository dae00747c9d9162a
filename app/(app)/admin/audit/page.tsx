import { Info } from "@/components/ui/icons/info";
import { ScrollText } from "@/components/ui/icons/scroll-text";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Pager } from "@/components/layout/pager";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { AuditFilterForm } from "@/lib/features/audit/components/audit-filters";
import { AuditTable } from "@/lib/features/audit/components/audit-table";
import { loadAuditLog } from "@/lib/features/audit/loaders";
import { auditHref, hasFilters } from "@/lib/features/audit/utils";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const log = await loadAuditLog(await requireViewer(), await searchParams);
  const filtered = hasFilters(log.filters);
  const showPager = !!(log.olderCursor || log.newerCursor);
  const clear = (
    <Button asChild variant="secondary">
      <Link href="/admin/audit">Clear filters</Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin" className="hover:underline">
            Admin
          </Link>
        }
        title="Audit log"
        description="Every privileged change: who made it, when, to what, and what it was before. Times are in UTC."
      />
      <div className="grid gap-4">
        {log.notes.length > 0 ? (
          <div
            role="status"
            className="flex gap-2 rounded-lg border border-status-warning-border bg-status-warning-subtle px-4 py-3 text-sm text-status-warning-fg"
          >
            <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
            <ul className="grid gap-1">
              {log.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <AuditFilterForm
          key={JSON.stringify(log.filters)}
          filters={log.filters}
          actorOptions={log.actorOptions}
          typeGroups={log.typeGroups}
        />
        {log.rows.length > 0 ? (
          <AuditTable rows={log.rows} />
        ) : log.paged ? (
          <EmptyState
            icon={ScrollText}
            title="No events on this page"
            text="The events here may have moved. Start again from the newest."
            action={
              <Button asChild variant="secondary">
                <Link href={auditHref(log.filters)}>Newest events</Link>
              </Button>
            }
          />
        ) : filtered ? (
          <EmptyState
            icon={ScrollText}
            title="No audit events match these filters"
            text="Try a wider date range, another person or all types."
            action={clear}
          />
        ) : (
          <EmptyState
            icon={ScrollText}
            title="No audit events yet"
            text="Changes to cohorts, members, invites, reviews, roadmaps and accounts will show up here."
          />
        )}
        {showPager ? (
          <Pager
            previous={log.newerCursor ? { href: auditHref(log.filters, { after: log.newerCursor }), label: "Newer" } : null}
            next={log.olderCursor ? { href: auditHref(log.filters, { before: log.olderCursor }), label: "Older" } : null}
          />
        ) : null}
      </div>
    </>
  );
}
