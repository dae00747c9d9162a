import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { Users } from "@/components/ui/icons/users";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MatrixGrid } from "@/lib/features/cohort-progress/components/matrix-grid";
import { MatrixTable } from "@/lib/features/cohort-progress/components/matrix-table";
import { STATUS_CODES } from "@/lib/features/cohort-progress/constants";
import type { CohortOverview, MatrixTableData } from "@/lib/features/cohort-progress/types";
import { matrixHref } from "@/lib/features/cohort-progress/utils";

type Matrix = CohortOverview["matrix"];

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

  const table: MatrixTableData = {
    phases: columns.map((phase) => ({
      key: phase.key,
      number: phase.number,
      title: phase.title,
      milestones: phase.milestones.map((milestone) => ({ key: milestone.key, title: milestone.title, code: milestone.code })),
    })),
    rows: rows.map((row) => ({
      id: row.membershipId,
      name: row.name,
      cells: row.statuses.map((status) => STATUS_CODES[status]).join(""),
      completed: row.completed,
      risks: row.standing.risks,
    })),
    totals: columnTotals,
    matched,
    offset,
  };
  return (
    <MatrixGrid learnerBase={learnerBase}>
      <MatrixTable table={table} learnerBase={learnerBase} labelledBy={labelledBy} />
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
