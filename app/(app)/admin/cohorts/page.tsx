import { Plus } from "@/components/ui/icons/plus";
import { Users } from "@/components/ui/icons/users";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TR } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/viewer";
import { loadAdminCohorts } from "@/lib/features/cohorts/loaders";
import { formatDay } from "@/lib/calendar";

export const metadata: Metadata = { title: "Cohorts" };

export default async function AdminCohortsPage() {
  const cohorts = await loadAdminCohorts(await requireAdmin());
  const newCohort = (
    <Button asChild>
      <Link href="/admin/cohorts/new">
        <Plus aria-hidden />
        New cohort
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader eyebrow={<Link href="/admin" className="hover:underline">Admin</Link>} title="Cohorts" description="Every active cohort, its roadmap version and its people." actions={cohorts.length > 0 ? newCohort : null} />
      {cohorts.length === 0 ? (
        <EmptyState icon={Users} title="No cohorts yet" text="Create a cohort, name its mentors, then invite learners." action={newCohort} />
      ) : (
        <Table columns={["Name", "Roadmap", "Dates", "Mentors", { label: "Learners", textAlign: "right" }]}>
          <TBody>
            {cohorts.map((cohort) => (
              <TR key={cohort.id}>
                <TD className="font-medium">
                  <Link href={`/cohorts/${cohort.id}/members`} className="text-accent hover:underline">
                    {cohort.name}
                  </Link>
                </TD>
                <TD>
                  {cohort.roadmapName} <span className="text-muted-foreground">v{cohort.versionNumber}</span>
                </TD>
                <TD className="whitespace-nowrap">
                  {formatDay(cohort.startDate)}
                  {cohort.endDate ? ` – ${formatDay(cohort.endDate)}` : null}
                </TD>
                <TD>{cohort.mentors.length > 0 ? cohort.mentors.join(", ") : <span className="text-muted-foreground">None yet</span>}</TD>
                <TD className="text-right tabular-nums">{cohort.learners}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
