import { CalendarClock } from "@/components/ui/icons/calendar-clock";
import { Inbox } from "@/components/ui/icons/inbox";
import { Mail } from "@/components/ui/icons/mail";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { requireAdmin } from "@/lib/auth/viewer";
import { FailedDeliveriesList, FailedMailsTable, FailedRunsTable, JobsTable } from "@/lib/features/jobs/components/jobs-tables";
import { loadJobsPage } from "@/lib/features/jobs/loaders";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Jobs" };

export default async function AdminJobsPage() {
  const viewer = await requireAdmin();
  const page = await loadJobsPage(viewer);
  const now = new Date();
  const zone = viewer.timeZone ?? "UTC";
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin" className="hover:underline">
            Admin
          </Link>
        }
        title="Jobs"
        description="What Cairn does in the background — sending mail, delivering webhooks, nightly checks — and what went wrong."
      />
      <div className="grid gap-6">
        <Section id="jobs-heading" title="Background jobs">
          {page.jobs.length === 0 ? (
            <EmptyState icon={CalendarClock} headingLevel="h3" title="No background jobs" text="This version of Cairn has no background work to show." />
          ) : (
            <>
              {page.queueReady ? null : (
                <p className="text-sm text-muted-foreground">
                  The job queue has not started yet. It starts with the web server unless CAIRN_JOBS is off on every instance.
                </p>
              )}
              <JobsTable jobs={page.jobs} now={now} zone={zone} />
            </>
          )}
        </Section>
        <Section id="failed-runs-heading" title="Failed runs">
          {page.failedRuns.length === 0 ? (
            <EmptyState icon={CalendarClock} headingLevel="h3" title="No failed runs" text="Every run of the last seven days finished, on its own or after a retry." />
          ) : (
            <FailedRunsTable runs={page.failedRuns} now={now} zone={zone} />
          )}
        </Section>
        <Section id="failed-mails-heading" title="Failed mails">
          {page.failedMails.length === 0 ? (
            <EmptyState icon={Mail} headingLevel="h3" title="No failed mails" text="Every mail was sent or is still being tried." />
          ) : (
            <FailedMailsTable mails={page.failedMails} now={now} zone={zone} />
          )}
        </Section>
        <Section id="failed-deliveries-heading" title="Failed webhook deliveries">
          {page.failedDeliveries.total === 0 ? (
            <EmptyState icon={Inbox} headingLevel="h3" title="No failed deliveries" text="Every webhook delivery arrived or is still being tried." />
          ) : (
            <>
              <p className="text-sm">{plural(page.failedDeliveries.total, "delivery", "deliveries")} gave up after their last retry.</p>
              <FailedDeliveriesList deliveries={page.failedDeliveries} />
            </>
          )}
        </Section>
      </div>
    </>
  );
}
