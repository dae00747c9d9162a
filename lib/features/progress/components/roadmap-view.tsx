import { RoadmapTrail } from "@/lib/features/progress/components/roadmap-trail";
import { SuccessCriteria } from "@/lib/features/progress/components/success-criteria";
import type { LearnerRoadmap } from "@/lib/features/progress/types";

export function RoadmapView({ roadmap, cohortQuery }: { roadmap: LearnerRoadmap; cohortQuery: string }) {
  return (
    <div className="grid gap-6">
      <RoadmapTrail
        cohortId={roadmap.cohortId}
        cohortQuery={cohortQuery}
        phases={roadmap.phases}
        startDate={roadmap.startDate}
        today={roadmap.today}
      />
      <SuccessCriteria cohortId={roadmap.cohortId} criteria={roadmap.criteria} timezone={roadmap.timezone} />
    </div>
  );
}
