import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { loadMentorHome } from "@/lib/features/reviews/loaders";

export const metadata: Metadata = { title: "Review queue" };

const HOUR_MS = 3600 * 1000;

function waitingHours(oldest: Date | null) {
  return oldest ? Math.floor((Date.now() - oldest.getTime()) / HOUR_MS) : 0;
}

export default async function ReviewQueuePage() {
  const { cohorts, waiting } = await loadMentorHome(await requireViewer());
  return (
    <>
      <PageHeader
        title="Review queue"
        description={waiting === 1 ? "1 attempt is waiting for a decision." : `${waiting} attempts are waiting for a decision.`}
      />
      {waiting === 0 ? (
        <EmptyState icon={Inbox} title="Nothing waiting" text="New evidence from your learners will appear here." />
      ) : null}
      <Table>
        <THead>
          <TR>
            <TH>Cohort</TH>
            <TH>Learners</TH>
            <TH>Waiting</TH>
            <TH>Oldest</TH>
          </TR>
        </THead>
        <TBody>
          {cohorts.map((cohort) => {
            const hours = waitingHours(cohort.oldestWaitingAt);
            return (
              <TR key={cohort.id}>
                <TD className="font-medium">{cohort.name}</TD>
                <TD className="tabular-nums">{cohort.learners}</TD>
                <TD className="tabular-nums">{cohort.waiting}</TD>
                <TD>
                  {cohort.oldestWaitingAt ? (
                    <Badge variant={hours > cohort.reviewTargetHours ? "danger" : "neutral"}>
                      {hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`}
                      {hours > cohort.reviewTargetHours ? " · overdue" : ""}
                    </Badge>
                  ) : (
                    "—"
                  )}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </>
  );
}
