import { Globe } from "@/components/ui/icons/globe";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/viewer";
import { NewWebhook } from "@/lib/features/webhooks/components/new-webhook";
import { WebhookTable } from "@/lib/features/webhooks/components/webhook-table";
import { loadAdminWebhooks } from "@/lib/features/webhooks/loaders";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage() {
  const viewer = await requireAdmin();
  const now = new Date();
  const { webhooks, cohorts } = await loadAdminWebhooks(viewer, now);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>}
        title="Webhooks"
        description="Signed HTTP POSTs to other systems when something happens in Cairn. Open a webhook for its delivery log."
      />
      <div className="grid gap-4">
        <NewWebhook cohorts={cohorts} />
        {webhooks.length === 0 ? (
          <EmptyState icon={Globe} title="No webhooks" text="Create one to send events such as submissions and completed milestones to another system." />
        ) : (
          <WebhookTable webhooks={webhooks} now={now} zone={viewer.timeZone ?? "UTC"} />
        )}
      </div>
    </>
  );
}
