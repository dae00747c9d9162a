"use client";

import Link from "next/link";
import { RiskBadge } from "@/lib/features/cohort-progress/components/risk-badge";
import { STATUS_BY_CODE } from "@/lib/features/cohort-progress/constants";
import type { MatrixTableData } from "@/lib/features/cohort-progress/types";
import { STATUS_LABELS } from "@/lib/features/progress/constants";

// Sticky pieces need an opaque background so rows scroll underneath them.
const CORNER = "sticky left-0 z-30 bg-surface-muted";
const HEAD = "sticky z-20 bg-surface-muted";
const LEARNER_COLUMN = "w-40 min-w-40 max-w-40 sm:w-56 sm:min-w-56 sm:max-w-56";
// The row totals stay in view while the milestones scroll sideways.
const TOTAL = "sticky right-0 border-l border-border px-2 text-right whitespace-nowrap tabular-nums";

/**
 * The matrix's table, drawn from compact data: a row arrives as its learner and one letter per cell, so the page's
 * RSC payload carries a page of 25 learners in a few kilobytes and only the HTML spells the cells out (a server
 * component's cells were sent twice, as HTML and as React elements in the payload). The learner rows are styled from
 * app/globals.css ("The matrix") for the same reason: a class list on each of 1,125 cells would be in the HTML too.
 * A milestone header's full name is its accessible name; the matrix grid's tooltip shows it on hover.
 */
export function MatrixTable({ table, learnerBase, labelledBy }: { table: MatrixTableData; learnerBase: string; labelledBy: string }) {
  const { phases, rows, totals, matched, offset } = table;
  const milestones = phases.flatMap((phase) =>
    phase.milestones.map((milestone, position) => ({ ...milestone, phaseStart: position === 0 })),
  );
  // Props that are off are left out, not undefined: 1,125 cells repeat them.
  const phaseStart = (index: number) => (milestones[index]!.phaseStart ? { "data-phase-start": "" } : {});

  return (
    <table
      data-matrix
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={matched + 3}
      aria-colcount={milestones.length + 2}
      className="w-max border-separate border-spacing-0 text-xs"
    >
      <thead>
        <tr aria-rowindex={1} className="h-11">
          <th
            rowSpan={2}
            scope="col"
            className={`${CORNER} ${LEARNER_COLUMN} top-0 border-r border-b border-border px-2 text-left font-medium text-muted-foreground sm:px-3`}
          >
            Learner
          </th>
          {phases.map((phase) => (
            <th
              key={phase.key}
              colSpan={phase.milestones.length}
              scope="colgroup"
              title={phase.number > 0 ? `Phase ${phase.number}: ${phase.title}` : phase.title}
              className={`${HEAD} top-0 h-11 max-w-0 border-l border-border px-1.5 py-1 text-left align-bottom leading-tight font-medium`}
            >
              {/* A phase of three milestones is ~80 px wide: its name wraps onto two lines rather than ending in "…". */}
              <span className="line-clamp-2 break-words">
                {phase.number > 0 ? <span className="text-muted-foreground">{phase.number} </span> : null}
                {phase.title}
              </span>
            </th>
          ))}
          <th rowSpan={2} scope="col" className={`${TOTAL} top-0 z-30 border-b bg-surface-muted font-medium text-muted-foreground`}>
            Done
          </th>
        </tr>
        <tr aria-rowindex={2} className="h-6">
          {milestones.map((milestone, index) => (
            <th key={milestone.key} scope="col" data-key={milestone.key} aria-label={`${milestone.code} ${milestone.title}`} {...phaseStart(index)}>
              {/* "3.2" is the second milestone of phase 3, under phase 3's name; a project keeps its "P2". */}
              {milestone.code.split(".").pop()}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={row.id} data-learner={row.id} aria-rowindex={offset + rowIndex + 3}>
            <th scope="row">
              <div>
                <Link href={`${learnerBase}/${row.id}`} title={row.name}>
                  {row.name}
                </Link>
                <RiskBadge risks={row.risks} />
              </div>
            </th>
            {/* Cells are a status and nothing else: the milestone comes from the column, the learner from the row,
                and the grid's shared tooltip puts the three together. */}
            {Array.from(row.cells, (code, index) => {
              const status = STATUS_BY_CODE[code]!;
              return (
                <td key={index} data-fill={status} {...phaseStart(index)} {...(rowIndex === 0 && index === 0 ? { tabIndex: 0 } : {})}>
                  {STATUS_LABELS[status]}
                </td>
              );
            })}
            <td>
              {row.completed}/{milestones.length}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr aria-rowindex={matched + 3} data-matched={matched} className="h-7">
          <th
            scope="row"
            className={`sticky left-0 z-10 border-t border-r border-border bg-surface-muted px-2 text-left font-medium text-muted-foreground sm:px-3 ${LEARNER_COLUMN}`}
          >
            Done by ({matched})
          </th>
          {totals.map((total, index) => (
            <td key={milestones[index]!.key} {...phaseStart(index)}>
              {total}
            </td>
          ))}
          <td className={`${TOTAL} z-10 border-t bg-surface-muted`} />
        </tr>
      </tfoot>
    </table>
  );
}
