import { Users } from "@/components/ui/icons/users";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { loadCohortList } from "@/lib/features/cohort-progress/loaders";
import { formatDay } from "@/lib/calendar";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage() {
  const viewer = await requireViewer();
  const cohorts = await loadCohortList(viewer);
  return (
    <>
      <PageHeader
        title="Cohorts"
        description={viewer.isAdmin ? "Every active cohort on this instance." : "The cohorts you mentor."}
      />
      {cohorts.length === 0 ? (
        <EmptyState icon={Users} title="No cohorts yet" text="A cohort appears here once an admin creates it." />
      ) : (
        <Table columns={["Cohort", "Roadmap", "Started", { label: "Learners", textAlign: "right" }, { label: "Waiting for review", textAlign: "right" }]}>
          <TBody>
            {cohorts.map((cohort) => (
              <TR key={cohort.id}>
                <TD>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/cohorts/${cohort.id}`} className="font-medium hover:underline">
                      {cohort.name}
                    </Link>
                    {viewer.isAdmin && cohort.mentoring ? <Badge variant="outline">You mentor</Badge> : null}
                  </div>
                </TD>
                <TD className="text-muted-foreground">{cohort.roadmapTitle}</TD>
                <TD className="whitespace-nowrap">
                  <time dateTime={cohort.startDate}>{formatDay(cohort.startDate)}</time>
                </TD>
                <TD className="text-right tabular-nums">{cohort.learners}</TD>
                <TD className="text-right tabular-nums">{cohort.waiting}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
