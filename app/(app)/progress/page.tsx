import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { BurnupChart, HoursChart, ProgressFigures } from "@/lib/features/insights/components/learner-progress";
import { loadMyProgress } from "@/lib/features/insights/loaders";
import { requireLearnerArea } from "@/lib/features/users/loaders";

export const metadata: Metadata = { title: "My progress" };

export default async function MyProgressPage({ searchParams }: { searchParams: Promise<{ cohort?: string | string[] }> }) {
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const { cohort } = await searchParams;
  if (Array.isArray(cohort)) notFound();
  const progress = await loadMyProgress(viewer, cohort);
  const query = cohort ? `?cohort=${progress.cohort.id}` : "";
  return (
    <>
      <PageHeader
        eyebrow={progress.cohort.name}
        title="My progress"
        description={`Your milestones against your schedule, and the hours from your check-ins. Weeks run Monday to Sunday, ${progress.cohort.timezone} time.`}
      />
      <div className="grid gap-6">
        <ProgressFigures progress={progress} />
        <div className="grid gap-4 lg:grid-cols-2">
          <BurnupChart progress={progress} who="you" csvHref={`/progress/csv/burnup${query}`} />
          <HoursChart progress={progress} who="you" csvHref={`/progress/csv/hours${query}`} />
        </div>
      </div>
    </>
  );
}
