import Link from "next/link";
import { Glyph } from "@/components/ui/glyph";
import { Hand } from "@/components/ui/icons/hand";
import { LockKeyhole } from "@/components/ui/icons/lock-keyhole";
import { ClaimButton } from "@/lib/features/reviews/components/claim-button";
import { WaitingTime } from "@/lib/features/reviews/components/waiting-time";
import type { ReviewQueue } from "@/lib/features/reviews/types";

const CLAIM_ICONS = { held: <LockKeyhole aria-hidden className="size-3.5" />, mine: <Hand aria-hidden className="size-3.5" /> };
import { queueQuery } from "@/lib/features/reviews/utils";

/** The queue as an inbox: one compact row per waiting attempt, oldest first. */
export function QueueList({ queue }: { queue: ReviewQueue }) {
  const query = queueQuery(queue.filters);
  const showCohort = queue.cohorts.length > 1;
  return (
    // One grid for the whole list (rows are subgrids from `sm` up), so waiting times and claims line up in columns.
    <ol
      aria-label="Waiting attempts, oldest first"
      className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface sm:grid sm:grid-cols-[minmax(0,1fr)_auto_auto]"
    >
      {queue.rows.map((row) => (
        <li
          key={row.submissionId}
          aria-label={`${row.learnerName}: ${row.title}`}
          className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 px-4 py-3 transition-colors hover:bg-surface-muted/60 sm:col-span-3 sm:grid-cols-subgrid sm:items-center sm:gap-x-6"
        >
          <div className="col-span-2 grid min-w-0 gap-0.5 sm:col-span-1">
            <p className="text-sm">
              <span className="font-medium">{row.learnerName}</span>
              <span className="text-muted-foreground"> · Attempt {row.attempt}</span>
            </p>
            <Link
              href={`/reviews/${row.submissionId}${query}`}
              className="group inline-flex max-w-full min-w-0 items-center gap-1 justify-self-start rounded-sm text-sm font-medium text-accent hover:underline"
            >
              <span className="truncate">{row.title}</span>
              <Glyph name="chevron-right" className="size-4 opacity-60 transition-transform group-hover:translate-x-0.5" />
            </Link>
            <p className="truncate text-xs text-muted-foreground">
              {row.phaseTitle ?? "Portfolio project"}
              {showCohort ? ` · ${row.cohortName}` : ""}
            </p>
          </div>
          <WaitingTime
            submittedAt={row.submittedAt}
            now={queue.now}
            targetHours={row.reviewTargetHours}
            timezone={row.timezone}
            className="sm:col-start-2"
          />
          <ClaimButton
            submissionId={row.submissionId}
            claim={row.claim}
            learnerName={row.learnerName}
            icons={CLAIM_ICONS}
            className="max-w-44 justify-end justify-self-end text-right sm:col-start-3 sm:max-w-none"
          />
        </li>
      ))}
    </ol>
  );
}
