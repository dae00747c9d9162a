import { Download } from "@/components/ui/icons/download";
import { Search } from "@/components/ui/icons/search";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/viewer";
import { CohortMatrix, MatrixPager } from "@/lib/features/cohort-progress/components/cohort-matrix";
import { CohortStats } from "@/lib/features/cohort-progress/components/cohort-stats";
import { MatrixFilters } from "@/lib/features/cohort-progress/components/matrix-filters";
import { StatusLegend } from "@/lib/features/cohort-progress/components/status-swatch";
import { CohortNav } from "@/lib/features/cohorts/components/cohort-nav";
import { loadCohortName, loadCohortOverview } from "@/lib/features/cohort-progress/loaders";
import { parseMatrixQuery } from "@/lib/features/cohort-progress/schema";
import { matrixHref } from "@/lib/features/cohort-progress/utils";
import { formatDay } from "@/lib/calendar";

type Props = {
  params: Promise<{ cohortId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const [{ cohortId }, search] = await Promise.all([params, searchParams]);
  return loadCohortOverview(await requireViewer(), cohortId, parseMatrixQuery(search));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The matrix query is an object, so it would miss React's per-request cache; the name needs only the access check.
  return { title: await loadCohortName(await requireViewer(), (await params).cohortId) };
}

export default async function CohortPage(props: Props) {
  const { cohort, stats, phases, matrix } = await load(props);
  const base = `/cohorts/${cohort.id}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/cohorts" className="hover:underline">
            Cohorts
          </Link>
        }
        title={cohort.name}
        description={`${cohort.roadmapTitle} (version ${cohort.versionNumber}) · started ${formatDay(cohort.startDate)} · ${cohort.weeksPerPhase} weeks per phase · dates in ${cohort.timezone} time`}
        actions={
          <>
            <Button asChild variant="secondary" size="sm">
              <a href={`${base}/export/progress`} download>
                <Download aria-hidden />
                Export CSV
              </a>
            </Button>
            <Button asChild variant="ghost" size="sm">
              <a href={`${base}/export/reviews`} download>
                <Download aria-hidden />
                Review history CSV
              </a>
            </Button>
          </>
        }
      />
      <CohortNav cohortId={cohort.id} />
      <CohortStats stats={stats} atRiskHref={matrixHref(base, { ...matrix.query, atRisk: true, sort: "risk", page: 1 })} />
      <section aria-labelledby="progress-heading" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="progress-heading" className="text-lg font-semibold">
            Progress
          </h2>
          <p className="max-w-prose text-sm text-muted-foreground">
            Learners by milestone, grouped by phase. Select a square, or move with the arrow keys and press Enter, to
            open that learner&rsquo;s milestone.
          </p>
          <details className="max-w-prose text-sm text-muted-foreground">
            <summary className="w-fit cursor-pointer font-medium text-accent hover:underline">When is a learner at risk?</summary>
            <p className="mt-2">
              Each rule flags &ldquo;Watch&rdquo; at this cohort&rsquo;s threshold and &ldquo;At risk&rdquo; at twice it;
              a learner shows their worst flag. Change the thresholds in Settings.
            </p>
            <ul className="mt-2 grid list-disc gap-1 pl-5">
              <li>
                Behind pace: {cohort.behindPaceBy} or more milestones that have reached their target date are not done.
              </li>
              <li>No activity (progress, evidence, comments, check-ins) for {cohort.inactivityDays} days.</li>
              <li>Requested changes left without a new attempt for {cohort.changesRequestedDays} days.</li>
              <li>A phase {cohort.phaseSlippedDays} or more days past its target date with milestones still open.</li>
              <li>The weekly rule missed in each of the last two weeks (always Watch).</li>
              <li>Their last target date, extension included, has passed with milestones still open (always At risk).</li>
            </ul>
          </details>
        </div>
        {stats.learners > 0 ? (
          <>
            <MatrixFilters
              key={JSON.stringify(matrix.query)}
              base={base}
              query={matrix.query}
              phases={phases}
              searchIcon={<Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />}
            />
            <StatusLegend />
          </>
        ) : null}
        <CohortMatrix matrix={matrix} base={base} learnerBase={`${base}/learners`} labelledBy="progress-heading" />
        <MatrixPager matrix={matrix} base={base} />
      </section>
    </>
  );
}
