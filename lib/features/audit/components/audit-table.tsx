import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditActor, AuditEventRow, AuditTarget } from "@/lib/features/audit/types";

const LINK = "rounded-sm text-accent hover:underline";

function Actor({ actor }: { actor: AuditActor }) {
  if (actor.kind === "system") return <span className="text-muted-foreground">System</span>;
  if (actor.kind === "deleted") return <span className="text-muted-foreground">Deleted user</span>;
  return (
    <div className="grid min-w-0 gap-0.5">
      <span className="flex flex-wrap items-center gap-1.5 font-medium">
        {actor.name}
        {actor.deactivated ? <Badge variant="neutral">Deactivated</Badge> : null}
      </span>
      <span className="text-xs break-all text-muted-foreground">{actor.email}</span>
    </div>
  );
}

function Target({ target }: { target: AuditTarget }) {
  const name = target.name ?? <span className="text-muted-foreground">No longer exists</span>;
  return (
    <div className="grid min-w-0 gap-0.5">
      <span className="text-xs text-muted-foreground">{target.typeLabel}</span>
      <span className="font-medium break-words">
        {target.href && target.name ? (
          <Link href={target.href} className={LINK}>
            {target.name}
          </Link>
        ) : (
          name
        )}
      </span>
      {target.detail ? <span className="text-xs break-words text-muted-foreground">{target.detail}</span> : null}
    </div>
  );
}

function Changes({ row }: { row: AuditEventRow }) {
  if (row.changes.length === 0) return <span className="text-muted-foreground">No details</span>;
  const count = row.changes.length === 1 ? "1 field" : `${row.changes.length} fields`;
  return (
    <details className="group max-w-md">
      <summary className="w-fit cursor-pointer rounded-sm text-accent hover:underline">{count}</summary>
      <dl className="mt-2 grid gap-1.5 text-xs">
        {row.changes.map((change) => (
          <div key={change.field} className="grid gap-0.5">
            <dt className="font-medium">{change.field}</dt>
            <dd className="break-words text-muted-foreground">
              <span>{change.before}</span>
              <span aria-hidden> → </span>
              <span className="sr-only"> changed to </span>
              <span className="text-foreground">{change.after}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The log, one row per event; wide content scrolls sideways inside the table on phones. */
export function AuditTable({ rows }: { rows: AuditEventRow[] }) {
  return (
    <Table aria-label="Audit events, newest first">
      <THead>
        <TR>
          <TH>Time (UTC)</TH>
          <TH>Person</TH>
          <TH>Action</TH>
          <TH>Target</TH>
          <TH>Cohort</TH>
          <TH>Changes</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id} className="align-top">
            <TD verticalAlign="top" className="whitespace-nowrap">
              <time dateTime={row.createdAt} title={row.relativeTime} className="tabular-nums">
                {row.absoluteTime}
              </time>
              <div className="text-xs text-muted-foreground">{row.relativeTime}</div>
            </TD>
            <TD verticalAlign="top" className="min-w-40">
              <Actor actor={row.actor} />
            </TD>
            <TD verticalAlign="top" className="min-w-48">
              <div className="grid gap-0.5">
                <span>{row.actionLabel}</span>
                <code className="font-mono text-xs text-muted-foreground">{row.action}</code>
              </div>
            </TD>
            <TD verticalAlign="top" className="min-w-44">
              <Target target={row.target} />
            </TD>
            <TD verticalAlign="top" className="min-w-32">
              {row.cohort ? (
                <Link href={row.cohort.href} className={LINK}>
                  {row.cohort.name}
                </Link>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TD>
            <TD verticalAlign="top" className="min-w-48">
              <Changes row={row} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
