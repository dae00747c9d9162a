import Link from "next/link";
import { SafeLink } from "@/components/ui/safe-link";
import { Section } from "@/components/ui/section";
import { ReapproveLink } from "@/lib/features/reviews/components/reapprove-link";
import type { ReviewQueue } from "@/lib/features/reviews/types";

/** "Replaced links": broken links of approved attempts that learners replaced, each re-approved in one click. */
export function ReplacedLinks({ queue }: { queue: ReviewQueue }) {
  if (queue.replacedLinks.length === 0) return null;
  const showCohort = queue.cohorts.length > 1;
  return (
    <Section title="Replaced links">
      <p className="text-sm text-muted-foreground">
        These approved attempts had a link that stopped working; the learner gave a new one. The approval stands either way.
      </p>
      <ol aria-label="Replaced links, oldest first" className="divide-y divide-border rounded-xl border border-border bg-surface">
        {queue.replacedLinks.map((row) => (
          <li
            key={row.linkId}
            aria-label={`${row.learnerName}: ${row.title}`}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
          >
            <div className="grid min-w-0 flex-1 gap-0.5 text-sm">
              <p>
                <span className="font-medium">{row.learnerName}</span>
                <span className="text-muted-foreground"> · </span>
                <Link href={`/reviews/${row.submissionId}`} className="font-medium text-accent hover:underline">
                  {row.title}
                </Link>
                {showCohort ? <span className="text-muted-foreground"> · {row.cohortName}</span> : null}
              </p>
              <p className="min-w-0 break-all text-xs text-muted-foreground">
                <del>{row.url}</del> →{" "}
                <SafeLink href={row.replacementUrl} className="text-accent hover:underline">
                  {row.replacementUrl}
                </SafeLink>
              </p>
            </div>
            <ReapproveLink linkId={row.linkId} replacementUrl={row.replacementUrl} />
          </li>
        ))}
      </ol>
    </Section>
  );
}
