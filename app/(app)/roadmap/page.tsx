import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { RoadmapView } from "@/lib/features/progress/components/roadmap-view";
import { RoadmapWelcome } from "@/lib/features/progress/components/roadmap-welcome";
import { VersionBanner } from "@/lib/features/progress/components/version-banner";
import { loadLearnerRoadmap } from "@/lib/features/progress/loaders";
import { requireLearnerArea } from "@/lib/features/users/loaders";

export const metadata: Metadata = { title: "Roadmap" };

export default async function RoadmapPage({ searchParams }: { searchParams: Promise<{ cohort?: string }> }) {
  const viewer = await requireViewer();
  await requireLearnerArea(viewer);
  const { cohort } = await searchParams;
  const roadmap = await loadLearnerRoadmap(viewer, cohort);
  return (
    <>
      {/* The welcome carries the summary while it shows, so the page does not say it twice. */}
      <PageHeader eyebrow={roadmap.cohortName} title={roadmap.roadmapTitle} description={roadmap.welcome ? undefined : roadmap.summary} />
      <VersionBanner banner={roadmap.versionBanner} />
      {roadmap.welcome ? <RoadmapWelcome roadmap={roadmap} welcome={roadmap.welcome} /> : null}
      <RoadmapView roadmap={roadmap} cohortQuery={cohort ? `?cohort=${roadmap.cohortId}` : ""} />
    </>
  );
}
