import Link from "next/link";
import { StatusBadge } from "@/lib/features/progress/components/status-badge";
import { cn } from "@/lib/cn";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";

/**
 * The milestones a project demonstrates, each with the learner's status and a link to it in the same cohort.
 * `compact` sets them in a wrapping row of small text, for a project card; otherwise one per line.
 */
export function DemonstratedMilestones({
  milestones,
  cohortQuery,
  compact = false,
}: {
  milestones: { key: string; title: string; status: ProgressStatus }[];
  /** `?cohort=…` when the page was opened for a chosen cohort, else "". */
  cohortQuery: string;
  compact?: boolean;
}) {
  return (
    <ul className={compact ? "flex flex-wrap gap-2" : "grid gap-2"}>
      {milestones.map((milestone) => (
        <li key={milestone.key} className={cn("flex items-center", compact ? "gap-1 text-xs" : "flex-wrap gap-2 text-sm")}>
          <StatusBadge status={milestone.status} />
          <Link href={`/roadmap/${milestone.key}${cohortQuery}`} className="hover:underline">
            {milestone.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
