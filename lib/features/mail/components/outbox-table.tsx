import Link from "next/link";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { formatMoment } from "@/lib/calendar-zones";
import { MailStatusBadge } from "@/lib/features/mail/components/mail-status-badge";
import type { OutboxRow } from "@/lib/features/mail/types";

/**
 * Admin → Outbox: one row per mail, newest first; the subject opens the mail. Recipient and kind sit under the
 * subject, so a phone shows three narrow columns rather than five squeezed ones.
 */
export function OutboxTable({ rows, zone }: { rows: OutboxRow[]; zone: string }) {
  return (
    <Table aria-label="Mail" columns={["E-mail", "Status", "Written"]}>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id}>
            <TD className="min-w-48">
              <Link href={`/admin/outbox/${row.id}`} className="font-medium break-words text-accent hover:underline">
                {row.subject}
              </Link>
              <p className="text-xs [overflow-wrap:anywhere] text-muted-foreground">
                To {row.to} · {row.kind}
              </p>
              {row.status === "pending" && row.attempts > 0 ? (
                <p className="text-xs break-words text-muted-foreground">
                  Tried {row.attempts} {row.attempts === 1 ? "time" : "times"}; trying again. {row.lastError}
                </p>
              ) : null}
              {row.status === "failed" && row.lastError ? <p className="text-xs break-words text-status-danger-fg">{row.lastError}</p> : null}
            </TD>
            <TD>
              <MailStatusBadge status={row.status} />
            </TD>
            <TD className="tabular-nums sm:whitespace-nowrap">{formatMoment(row.createdAt, zone)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
