import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { CohortNav } from "@/lib/features/cohorts/components/cohort-nav";
import { SettingsForm } from "@/lib/features/cohorts/components/settings-form";
import { VersionMove } from "@/lib/features/cohorts/components/version-move";
import { loadCohortSettingsPage } from "@/lib/features/cohorts/loaders";
import { timeZoneOptions } from "@/lib/calendar-zones";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId } = await params;
  const page = await loadCohortSettingsPage(await requireViewer(), cohortId);
  return { title: `Settings · ${page.cohortName}` };
}

export default async function CohortSettingsPage({ params }: Props) {
  const { cohortId } = await params;
  const page = await loadCohortSettingsPage(await requireViewer(), cohortId);
  return (
    <>
      <PageHeader eyebrow={page.cohortName} title="Cohort settings" description="Dates, pacing, review target and the roadmap version this cohort follows." />
      <CohortNav cohortId={page.cohortId} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Details and pacing</CardTitle>
          </CardHeader>
          <CardContent>
            <SettingsForm
              cohortId={page.cohortId}
              initial={page.settings}
              timeZones={timeZoneOptions(page.settings.timezone)}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Roadmap version</CardTitle>
            <CardDescription>Progress is kept by milestone key, so moving keeps every learner&apos;s work.</CardDescription>
          </CardHeader>
          <CardContent>
            <VersionMove key={page.version.id} cohortId={page.cohortId} current={page.version} options={page.versionOptions} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
