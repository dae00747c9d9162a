import { ChevronLeft, ChevronRight, Users } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { MatrixGrid } from "@/lib/features/cohort-progress/components/matrix-grid";
import { RiskBadge } from "@/lib/features/cohort-progress/components/risk-badge";
import type { CohortOverview } from "@/lib/features/cohort-progress/types";
import { matrixHref } from "@/lib/features/cohort-progress/utils";
import { STATUS_LABELS } from "@/lib/features/progress/constants";

type Matrix = CohortOverview["matrix"];

// Sticky pieces need an opaque background so rows scroll underneath them.
const CORNER = "sticky left-0 z-30 bg-surface-muted";
const HEAD = "sticky z-20 bg-surface-muted";
const LEARNER_COLUMN = "w-40 min-w-40 max-w-40 sm:w-56 sm:min-w-56 sm:max-w-56";
// The row totals stay in view while the milestones scroll sideways.
const TOTAL = "sticky right-0 border-l border-border px-2 text-right whitespace-nowrap tabular-nums";

export function CohortMatrix({
  matrix,
  base,
  learnerBase,
  labelledBy,
}: {
  matrix: Matrix;
  /** The cohort page's path; filters and pages are query strings on it. */
  base: string;
  /** Where a learner's detail page lives: `${learnerBase}/${membershipId}`. */
  learnerBase: string;
  labelledBy: string;
}) {
  const { columns, rows, columnTotals, query, matched, offset } = matrix;
  const milestones = columns.flatMap((phase) =>
    phase.milestones.map((milestone, position) => ({ ...milestone, phaseStart: position === 0 })),
  );

  if (matched === 0) {
    const filtered = query.q !== "" || query.atRisk;
    return (
      <EmptyState
        icon={Users}
        headingLevel="h3"
        title={filtered ? "No learners match" : "No learners yet"}
        text={
          filtered
            ? "Try another name, or show every learner."
            : "Learners appear here as soon as they join the cohort."
        }
        action={
          <Button asChild variant={filtered ? "secondary" : "primary"} size="sm">
            {filtered ? (
              <Link href={matrixHref(base, query, { q: "", atRisk: false, page: 1 })}>Show every learner</Link>
            ) : (
              <Link href={`${base}/members`}>Invite learners</Link>
            )}
          </Button>
        }
      />
    );
  }

  return (
    <MatrixGrid learnerBase={learnerBase}>
      <table
        data-matrix
        role="grid"
        aria-labelledby={labelledBy}
        aria-rowcount={matched + 3}
        aria-colcount={milestones.length + 2}
        className="w-max border-separate border-spacing-0 text-xs"
      >
        <thead>
          <tr aria-rowindex={1} className="h-8">
            <th
              rowSpan={2}
              scope="col"
              className={cn(CORNER, LEARNER_COLUMN, "top-0 border-r border-b border-border px-2 text-left font-medium text-muted-foreground sm:px-3")}
            >
              Learner
            </th>
            {columns.map((phase) => (
              <th
                key={phase.key}
                colSpan={phase.milestones.length}
                scope="colgroup"
                title={`Phase ${phase.number}: ${phase.title}`}
                className={cn(HEAD, "top-0 h-8 max-w-0 truncate border-l border-border px-1.5 text-left font-medium")}
              >
                <span className="text-muted-foreground">{phase.number}</span> {phase.title}
              </th>
            ))}
            <th rowSpan={2} scope="col" className={cn(TOTAL, "top-0 z-30 border-b bg-surface-muted font-medium text-muted-foreground")}>
              Done
            </th>
          </tr>
          <tr aria-rowindex={2} className="h-6">
            {milestones.map((milestone) => (
              <th
                key={milestone.key}
                scope="col"
                data-key={milestone.key}
                aria-label={`${milestone.code} ${milestone.title}`}
                title={milestone.title}
                {...(milestone.phaseStart ? { "data-phase-start": "" } : {})}
              >
                {milestone.code.split(".")[1]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            // The learner rows are styled from app/globals.css ("The matrix"): a class list on each of 25 rows would be
            // sent twice over, in the HTML and in the page's RSC payload.
            <tr key={row.membershipId} data-learner={row.membershipId} aria-rowindex={offset + rowIndex + 3}>
              <th scope="row">
                <div>
                  <Link href={`${learnerBase}/${row.membershipId}`} title={row.name}>
                    {row.name}
                  </Link>
                  <RiskBadge risks={row.standing.risks} className="ml-auto" />
                </div>
              </th>
              {/* Cells are a status and nothing else: the milestone comes from the column, the learner from the row,
                  and the shared tooltip puts the three together. Props that are off are left out, not undefined. */}
              {row.statuses.map((status, index) => (
                <td
                  key={index}
                  data-fill={status}
                  {...(milestones[index]!.phaseStart ? { "data-phase-start": "" } : {})}
                  {...(rowIndex === 0 && index === 0 ? { tabIndex: 0 } : {})}
                >
                  {STATUS_LABELS[status]}
                </td>
              ))}
              <td>
                {row.completed}/{row.shown}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr aria-rowindex={matched + 3} className="h-7">
            <th
              scope="row"
              className={cn(
                "sticky left-0 z-10 border-t border-r border-border bg-surface-muted px-2 text-left font-medium text-muted-foreground sm:px-3",
                LEARNER_COLUMN,
              )}
            >
              Done by ({matched})
            </th>
            {columnTotals.map((total, index) => (
              <td
                key={milestones[index]!.key}
                title={`${total} of ${matched} done: ${milestones[index]!.title}`}
                {...(milestones[index]!.phaseStart ? { "data-phase-start": "" } : {})}
              >
                {total}
              </td>
            ))}
            <td className={cn(TOTAL, "z-10 border-t bg-surface-muted")} />
          </tr>
        </tfoot>
      </table>
    </MatrixGrid>
  );
}

/** "Showing 26–50 of 500" with previous / next pages as links (the matrix pages on the server). */
export function MatrixPager({ matrix, base }: { matrix: Matrix; base: string }) {
  const { query, matched, pageCount, offset, rows } = matrix;
  if (matched === 0) return null;
  const linkClasses = "inline-flex items-center gap-1";
  return (
    <nav aria-label="Matrix pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground tabular-nums">
        {pageCount > 1
          ? `Showing ${offset + 1}–${offset + rows.length} of ${matched} learners`
          : `${matched} ${matched === 1 ? "learner" : "learners"}`}
      </p>
      {pageCount > 1 ? (
        <div className="flex items-center gap-2">
          {query.page > 1 ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={matrixHref(base, query, { page: query.page - 1 })} className={linkClasses}>
                <ChevronLeft aria-hidden />
                Previous
              </Link>
            </Button>
          ) : null}
          <span className="text-muted-foreground tabular-nums" aria-current="page">
            Page {query.page} of {pageCount}
          </span>
          {query.page < pageCount ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={matrixHref(base, query, { page: query.page + 1 })} className={linkClasses}>
                Next
                <ChevronRight aria-hidden />
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
