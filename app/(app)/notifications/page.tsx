import { BellOff } from "@/components/ui/icons/bell-off";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Pager } from "@/components/layout/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { MarkAllReadButton } from "@/lib/features/notifications/components/mark-all-read-button";
import { NotificationList } from "@/lib/features/notifications/components/notification-list";
import { loadNotificationsPage } from "@/lib/features/notifications/loaders";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const viewer = await requireViewer();
  const { before } = await searchParams;
  if (Array.isArray(before)) notFound();
  const { items, unread, nextCursor, isFirstPage } = await loadNotificationsPage(viewer, before);
  const empty = items.length === 0 && isFirstPage;

  return (
    <>
      <PageHeader
        title="Notifications"
        description={empty ? undefined : unread === 0 ? "All caught up." : unread === 1 ? "1 unread." : `${unread} unread.`}
        actions={unread > 0 ? <MarkAllReadButton /> : undefined}
      />
      {empty ? (
        <EmptyState icon={BellOff} title="Nothing new" text="Decisions and comments on your work will show up here." />
      ) : items.length === 0 ? (
        <EmptyState icon={BellOff} title="No older notifications" text="You have reached the first one." />
      ) : (
        <NotificationList items={items} serverNow={new Date().toISOString()} timeZone={viewer.timeZone ?? null} />
      )}
      <Pager
        className="mt-4"
        previous={isFirstPage ? null : { href: "/notifications", label: "Newest" }}
        next={nextCursor ? { href: `/notifications?before=${encodeURIComponent(nextCursor)}`, label: "Older" } : null}
      />
    </>
  );
}
