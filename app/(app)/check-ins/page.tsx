import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { CheckinsView, StreakSummary } from "@/lib/features/checkins/components/checkins-view";
import { loadCheckinsPage } from "@/lib/features/checkins/loaders";
import { requireLearnerArea } from "@/lib/features/users/loaders";

export const metadata: Metadata = { title: "Check-ins" };

export default async function CheckinsPage({ searchParams }: { searchParams: Promise<{ cohort?: string | string[] }> }) {
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const { cohort } = await searchParams;
  if (Array.isArray(cohort)) notFound();
  const page = await loadCheckinsPage(viewer, cohort);
  return (
    <>
      <PageHeader
        eyebrow={page.cohortName}
        title="Check-ins"
        description={`Plan each week, close it out, and keep the weekly rule. Weeks run Monday to Sunday, ${page.timezone} time.`}
        actions={<StreakSummary page={page} />}
      />
      <CheckinsView page={page} />
    </>
  );
}
