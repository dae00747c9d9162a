import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { formatMoment, formatRelativeTime } from "@/lib/calendar-zones";
import { plural } from "@/lib/plural";
import { RetryMailButton, RunJobButton } from "@/lib/features/jobs/components/job-buttons";
import type { FailedDeliveries, FailedMail, FailedRun, JobOverview } from "@/lib/features/jobs/types";

type When = { now: Date; zone: string };

function Moment({ at, now, zone }: { at: string } & When) {
  return <time dateTime={at} title={formatMoment(at, zone, { named: true })}>{formatRelativeTime(new Date(at), now)}</time>;
}

function duration(ms: number | null): string {
  if (ms === null) return "";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Every background job: what it does, when, how its last run went; "Run now" on each. */
export function JobsTable({ jobs, now, zone }: { jobs: JobOverview[] } & When) {
  return (
    <Table aria-label="Background jobs" columns={["Job", "Schedule", "Last run", "In the queue", { label: "Actions", hidden: true }]}>
      <TBody>
        {jobs.map((job) => (
          <TR key={job.name}>
            <TD>
              <p className="font-mono text-sm font-medium">{job.name}</p>
              <p className="text-sm text-muted-foreground">{job.description}</p>
            </TD>
            <TD>{job.schedule}</TD>
            <TD>
              {job.lastRun ? (
                <>
                  <p>
                    <Moment at={job.lastRun.finishedAt} now={now} zone={zone} />
                    {job.lastRun.durationMs !== null ? `, took ${duration(job.lastRun.durationMs)}` : null}{" "}
                    {job.lastRun.succeeded ? null : <Badge variant="danger">Failed</Badge>}
                  </p>
                  <p className="text-xs text-muted-foreground">{job.lastRun.summary || "Nothing to do."}</p>
                </>
              ) : (
                <span className="text-muted-foreground">Not run yet</span>
              )}
            </TD>
            <TD className="text-sm">
              {job.states.length > 0 ? job.states.map((row) => `${row.count} ${row.state}`).join(", ") : <span className="text-muted-foreground">None</span>}
            </TD>
            <TD className="text-right">
              <RunJobButton name={job.name} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Runs that failed every retry: the job and the error it ended with. */
export function FailedRunsTable({ runs, now, zone }: { runs: FailedRun[] } & When) {
  return (
    <Table aria-label="Failed runs" columns={["Job", "Failed", "Error"]}>
      <TBody>
        {runs.map((run) => (
          <TR key={run.id}>
            <TD className="font-mono text-sm">{run.name}</TD>
            <TD className="whitespace-nowrap">
              <Moment at={run.failedAt} now={now} zone={zone} />
            </TD>
            <TD className="text-sm break-words">{run.error}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Mails that used up their retries; "Retry" puts one back in the outbox. */
export function FailedMailsTable({ mails, now, zone }: { mails: FailedMail[] } & When) {
  return (
    <Table aria-label="Failed mails" columns={["To", "Subject", "Attempts", "Last error", { label: "Actions", hidden: true }]}>
      <TBody>
        {mails.map((mail) => (
          <TR key={mail.id}>
            <TD className="break-all">{mail.to}</TD>
            <TD>
              <p className="font-medium break-words">{mail.subject}</p>
              <p className="text-xs text-muted-foreground">
                Gave up <Moment at={mail.failedAt} now={now} zone={zone} />
              </p>
            </TD>
            <TD className="tabular-nums">{mail.attempts}</TD>
            <TD className="text-sm break-words">{mail.lastError ?? "No error was recorded."}</TD>
            <TD className="text-right">
              <RetryMailButton mailId={mail.id} subject={mail.subject} to={mail.to} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Failed webhook deliveries, per webhook; each webhook's page shows and redelivers them. */
export function FailedDeliveriesList({ deliveries }: { deliveries: FailedDeliveries }) {
  return (
    <ul className="grid gap-1 text-sm">
      {deliveries.webhooks.map((webhook) => (
        <li key={webhook.webhookId}>
          <Link href={`/admin/webhooks/${webhook.webhookId}`} className="text-accent hover:underline">
            {webhook.label}
          </Link>
          : {plural(webhook.count, "failed delivery", "failed deliveries")}
        </li>
      ))}
    </ul>
  );
}
