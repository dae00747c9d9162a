// Roadmap friction: per milestone, how long learners take, how often they need another attempt, how long reviews
// wait, and how many sit on it or have stalled there — sortable by any of them, the worst offenders highlighted.
// A server component: sorting is a link, the spread of days a few styled spans.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { FrictionReport, FrictionRow, FrictionSort } from "@/lib/features/friction/types";

const COLUMNS: { sort: FrictionSort; label: string; hint: string }[] = [
  { sort: "time", label: "Days to done", hint: "Median days from start to done; the bar spans the middle half of learners" },
  { sort: "retries", label: "More than one attempt", hint: "Share of learners with an attempt who needed another" },
  { sort: "wait", label: "Review wait", hint: "Median hours from an attempt to its decision" },
  { sort: "current", label: "On it now", hint: "Learners with it in progress, waiting for review or sent back" },
  { sort: "stalled", label: "Stalled there", hint: "Learners on it with no activity on it for the cohort's inactivity period" },
];

const dash = <span className="text-muted-foreground">–</span>;

function Spread({ row, scale }: { row: FrictionRow; scale: number }) {
  if (row.medianDays === null) return dash;
  const [low, high] = row.quartileDays ?? [row.medianDays, row.medianDays];
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <span className="flex items-center justify-end gap-2">
      <span aria-hidden className="relative hidden h-2 w-20 rounded-full bg-surface-muted sm:block">
        <span
          className="absolute inset-y-0 rounded-full bg-status-info/40"
          style={{ left: at(low), width: `calc(${at(high)} - ${at(low)} + 2px)` }}
        />
        <span className="absolute -inset-y-0.5 w-0.5 bg-status-info" style={{ left: at(row.medianDays) }} />
      </span>
      <span className="tabular-nums">{row.medianDays.toFixed(1)}</span>
      <span className="sr-only">
        {row.quartileDays ? ` days, middle half ${low.toFixed(1)} to ${high.toFixed(1)}` : " days"}
      </span>
    </span>
  );
}

function Share({ row }: { row: FrictionRow }) {
  if (row.retryShare === null) return dash;
  return (
    <span className="tabular-nums" title={`${row.retried} of ${row.attempted}`}>
      {Math.round(row.retryShare * 100)}%
    </span>
  );
}

export function FrictionTable({ report, sortHref }: { report: FrictionReport; sortHref: (sort: FrictionSort) => string }) {
  const scale = Math.max(1, ...report.rows.map((row) => row.quartileDays?.[1] ?? row.medianDays ?? 0));
  const header = (sort: FrictionSort, label: string, hint?: string, align: "left" | "right" = "right") => (
    <TH key={sort} textAlign={align} aria-sort={report.sort === sort ? (sort === "order" ? "ascending" : "descending") : undefined}>
      <Link
        href={sortHref(sort)}
        title={hint}
        className={cn("hover:text-foreground hover:underline", report.sort === sort && "font-semibold text-foreground")}
      >
        {label}
      </Link>
    </TH>
  );
  return (
    <Table containerClassName="max-h-[36rem]" stickyHeader>
      <caption className="sr-only">Roadmap friction per milestone; select a column heading to sort by it.</caption>
      <THead>
        <TR>
          {header("order", "Milestone", "Roadmap order", "left")}
          {COLUMNS.map((column) => header(column.sort, column.label, column.hint))}
        </TR>
      </THead>
      <TBody>
        {report.rows.map((row) => (
          <TR key={row.key} className={cn(row.worst && "bg-status-warning-subtle/60")}>
            <TH scope="row" className="max-w-72 min-w-48 bg-transparent py-2 font-normal whitespace-normal text-foreground">
              <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-mono text-xs text-muted-foreground">{row.code}</span>
                {row.editHref ? (
                  <Link href={row.editHref} className="font-medium text-accent hover:underline">
                    {row.title}
                  </Link>
                ) : (
                  <span className="font-medium">{row.title}</span>
                )}
                {row.worst ? <Badge variant="warning">Most friction</Badge> : null}
              </span>
              <span className="block text-xs text-muted-foreground">
                {row.phase} · {row.completed} of {row.started} who started are done
              </span>
            </TH>
            <TD className="text-right">
              <Spread row={row} scale={scale} />
            </TD>
            <TD className="text-right">
              <Share row={row} />
            </TD>
            <TD className="text-right tabular-nums">{row.medianWaitHours === null ? dash : `${row.medianWaitHours.toFixed(1)} h`}</TD>
            <TD className="text-right tabular-nums">{row.current}</TD>
            <TD className={cn("text-right tabular-nums", row.stalled > 0 && "font-semibold text-status-danger-fg")}>{row.stalled}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
