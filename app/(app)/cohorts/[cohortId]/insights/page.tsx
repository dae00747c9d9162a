import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Section } from "@/components/ui/section";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDay } from "@/lib/calendar";
import { loadCohortName } from "@/lib/features/cohort-progress/loaders";
import { CohortNav } from "@/lib/features/cohorts/components/cohort-nav";
import { FrictionTable } from "@/lib/features/friction/components/friction-table";
import { loadCohortFriction } from "@/lib/features/friction/loaders";
import { parseFrictionSort } from "@/lib/features/friction/schema";
import { CohortHealthCharts } from "@/lib/features/insights/components/cohort-health";
import { loadCohortHealth } from "@/lib/features/insights/loaders";
import { plural } from "@/lib/plural";

type Props = {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Insights · ${await loadCohortName(await requireViewer(), (await params).cohortId)}` };
}

export default async function CohortInsightsPage({ params, searchParams }: Props) {
  const [{ cohortId }, search, viewer] = await Promise.all([params, searchParams, requireViewer()]);
  const sort = parseFrictionSort(search.sort);
  const [health, friction] = await Promise.all([loadCohortHealth(viewer, cohortId), loadCohortFriction(viewer, cohortId, sort)]);
  const base = `/cohorts/${health.cohort.id}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/cohorts" className="hover:underline">
            Cohorts
          </Link>
        }
        title={health.cohort.name}
        description={`${plural(health.learners, "learner")} · started ${formatDay(health.cohort.startDate)} · weeks run Monday to Sunday, ${health.cohort.timezone} time`}
      />
      <CohortNav cohortId={health.cohort.id} />
      <div className="grid gap-8">
        <Section title="Cohort health" id="health-heading">
          <p className="max-w-prose text-sm text-muted-foreground">
            Week by week since the cohort started. Hover over a week for its figures, or open any chart as a table.
          </p>
          <CohortHealthCharts health={health} csvBase={`${base}/insights/csv`} learnerBase={`${base}/learners`} />
        </Section>
        <Section title="Roadmap friction" id="friction-heading">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <p className="max-w-prose text-sm text-muted-foreground">
              Where this cohort&rsquo;s {plural(friction.learners, "learner")} slow down on {friction.scope.roadmapTitle} (version{" "}
              {friction.scope.versionNumber}). The milestones with the most friction are highlighted.
            </p>
            <a href={`${base}/insights/csv/friction`} download className="text-sm font-medium text-accent hover:underline">
              Download CSV<span className="sr-only"> of roadmap friction</span>
            </a>
          </div>
          <FrictionTable report={friction} sortHref={(next) => `${base}/insights?sort=${next}#friction-heading`} />
        </Section>
      </div>
    </>
  );
}
