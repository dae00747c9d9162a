// A chart with everything that makes it usable by everyone: a heading, a sentence saying what it shows (also the
// image's text alternative), the same figures as a table under "Show as table", and a CSV of them. Server-rendered:
// the table opens with <details>, no JavaScript.
import type { ReactNode } from "react";
import { Download } from "@/components/ui/icons/download";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export type ChartTable = {
  columns: readonly string[];
  /** The first cell of each row names it (a week, a learner); the rest are figures. */
  rows: readonly (readonly (string | number)[])[];
};

export function ChartFigure({
  id,
  title,
  summary,
  table,
  csvHref,
  children,
}: {
  id: string;
  title: string;
  /** What the chart says, in words: the first thing a screen reader hears, and a caption for everyone. */
  summary: string;
  table: ChartTable;
  csvHref?: string;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-3 rounded-lg border border-border bg-surface p-4">
      <figcaption className="grid gap-1">
        <h3 id={`${id}-title`} className="text-sm font-semibold">
          {title}
        </h3>
        <p className="text-sm text-muted-foreground">{summary}</p>
      </figcaption>
      {children}
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 text-sm">
        <details className="min-w-0 flex-1 basis-full sm:basis-auto">
          <summary className="w-fit cursor-pointer font-medium text-accent hover:underline">Show as table</summary>
          <Table containerClassName="mt-2 max-h-80" stickyHeader>
            <caption className="sr-only">{title}</caption>
            <THead>
              <TR>
                {table.columns.map((column, index) => (
                  <TH key={column} textAlign={index === 0 ? "left" : "right"}>
                    {column}
                  </TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {table.rows.map((row, rowIndex) => (
                <TR key={`${row[0]}-${rowIndex}`}>
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <TH key={index} scope="row" className="bg-transparent font-normal text-foreground">
                        {cell}
                      </TH>
                    ) : (
                      <TD key={index} className="text-right tabular-nums">
                        {cell}
                      </TD>
                    ),
                  )}
                </TR>
              ))}
            </TBody>
          </Table>
        </details>
        {csvHref ? (
          <a href={csvHref} download className="inline-flex items-center gap-1.5 font-medium text-accent hover:underline">
            <Download aria-hidden className="size-4" />
            CSV<span className="sr-only"> of {title.toLowerCase()}</span>
          </a>
        ) : null}
      </div>
    </figure>
  );
}
