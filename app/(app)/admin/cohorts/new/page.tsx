import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/viewer";
import { NewCohortForm } from "@/lib/features/cohorts/components/new-cohort-form";
import { loadNewCohortForm } from "@/lib/features/cohorts/loaders";
import { timeZoneOptions, today } from "@/lib/calendar-zones";

export const metadata: Metadata = { title: "New cohort" };

export default async function NewCohortPage() {
  const { versions } = await loadNewCohortForm(await requireAdmin());
  return (
    <div className="mx-auto w-full max-w-2xl">
      <PageHeader
        eyebrow={<Link href="/admin/cohorts" className="hover:underline">Cohorts</Link>}
        title="New cohort"
        description="Pick the roadmap version it follows and its pacing. Learners join later, by email or invite link."
      />
      <Card>
        <CardContent>
          <NewCohortForm versions={versions} timeZones={timeZoneOptions()} today={today("UTC")} />
        </CardContent>
      </Card>
    </div>
  );
}
