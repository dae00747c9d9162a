import { Inbox } from "@/components/ui/icons/inbox";
import { SearchX } from "@/components/ui/icons/search-x";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { requireViewer } from "@/lib/auth/viewer";
import { CohortCounts } from "@/lib/features/reviews/components/cohort-counts";
import { QueueFilters } from "@/lib/features/reviews/components/queue-filters";
import { QueueList } from "@/lib/features/reviews/components/queue-list";
import { ReplacedLinks } from "@/lib/features/reviews/components/replaced-links";
import { loadReviewQueue } from "@/lib/features/reviews/loaders";
import { parseQueueFilters } from "@/lib/features/reviews/schema";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const attempts = (count: number) => (count === 1 ? "1 attempt" : `${count} attempts`);

export default async function ReviewQueuePage({ searchParams }: Props) {
  const filters = parseQueueFilters(await searchParams);
  const queue = await loadReviewQueue(await requireViewer(), filters.cohort, filters.phase, filters.learner);
  const filtered = Boolean(filters.cohort || filters.phase || filters.learner);
  return (
    <>
      <PageHeader
        title="Review queue"
        description={
          queue.waiting === 0
            ? undefined
            : filtered
              ? `${attempts(queue.matching)} of ${queue.waiting} waiting ${queue.matching === 1 ? "matches" : "match"} these filters, oldest first.`
              : `${attempts(queue.waiting)} waiting for a decision, oldest first${queue.scope === "admin" ? ", across every active cohort" : ""}.`
        }
      />
      <div className="grid gap-5">
        <CohortCounts queue={queue} />
        {queue.waiting > 0 || filtered ? <QueueFilters queue={queue} /> : null}
        {queue.waiting === 0 ? (
          <EmptyState
            icon={Inbox}
            title={`Nothing waiting — ${queue.reviewedThisWeek} reviewed this week`}
            text="New attempts from your learners appear here, oldest first."
          />
        ) : queue.rows.length === 0 ? (
          <EmptyState
            icon={SearchX}
            title="No attempts match these filters"
            text={`${attempts(queue.waiting)} wait in your cohorts.`}
            action={
              <Button asChild variant="secondary">
                <Link href="/reviews">Clear filters</Link>
              </Button>
            }
          />
        ) : (
          <>
            <QueueList queue={queue} />
            <p className="text-xs text-muted-foreground">
              {queue.matching > queue.rows.length ? `Showing the oldest ${queue.rows.length} of ${queue.matching}. ` : null}
              Open one to review it; <Kbd>n</Kbd> there takes you to the next.
            </p>
          </>
        )}
        <ReplacedLinks queue={queue} />
      </div>
    </>
  );
}
