import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { RoadmapView } from "@/lib/features/progress/components/roadmap-view";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";

export const metadata: Metadata = { title: "Roadmap" };

export default async function RoadmapPage({ searchParams }: { searchParams: Promise<{ cohort?: string }> }) {
  const viewer = await requireViewer();
  const { cohort } = await searchParams;
  const roadmap = await loadLearnerRoadmap(viewer, cohort);
  return (
    <>
      <PageHeader eyebrow={roadmap.cohortName} title={roadmap.roadmapTitle} description={roadmap.summary} />
      <RoadmapView roadmap={roadmap} cohortQuery={cohort ? `?cohort=${roadmap.cohortId}` : ""} />
    </>
  );
}
