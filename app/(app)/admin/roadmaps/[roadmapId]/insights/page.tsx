import { Download } from "@/components/ui/icons/download";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/viewer";
import { FrictionTable } from "@/lib/features/friction/components/friction-table";
import { loadVersionFriction } from "@/lib/features/friction/loaders";
import { parseFrictionSort, parseFrictionVersion } from "@/lib/features/friction/schema";
import { roadmapExportHref } from "@/lib/features/roadmaps/utils";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Roadmap friction" };

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function RoadmapFrictionPage({ params, searchParams }: Props) {
  const [{ roadmapId }, search, viewer] = await Promise.all([params, searchParams, requireViewer()]);
  const version = parseFrictionVersion(search.version);
  if (version === null) notFound();
  const report = await loadVersionFriction(viewer, roadmapId, version, parseFrictionSort(search.sort));
  if (report.scope.kind !== "version") notFound();
  const { scope } = report;
  const base = `/admin/roadmaps/${encodeURIComponent(scope.roadmapId)}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={base} className="hover:underline">
            {scope.roadmapTitle}
          </Link>
        }
        title={`Friction in version ${scope.versionNumber}`}
        description={`Where ${plural(report.learners, "learner")} in ${plural(scope.cohorts, "cohort")} on this version slow down, per milestone and project. Select a milestone to open it in the editor.`}
        actions={
          <>
            <Button asChild variant="secondary" size="sm">
              <a href={`${roadmapExportHref(scope.roadmapId, scope.versionNumber, "md")}&friction=1`} download>
                <Download aria-hidden />
                Export with friction notes
              </a>
            </Button>
            <Button asChild variant="ghost" size="sm">
              <a href={`${base}/insights/csv?version=${scope.versionNumber}`} download>
                <Download aria-hidden />
                Friction CSV
              </a>
            </Button>
          </>
        }
      />
      {report.learners === 0 ? (
        <p className="max-w-prose text-sm text-muted-foreground">
          No learners follow this version yet: the figures fill in as cohorts on it make progress.
        </p>
      ) : null}
      <FrictionTable report={report} sortHref={(sort) => `${base}/insights?version=${scope.versionNumber}&sort=${sort}`} />
    </>
  );
}
