import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { CalendarClock } from "@/components/ui/icons/calendar-clock";
import { Kbd } from "@/components/ui/kbd";
import { RoadmapTrail } from "@/lib/features/progress/components/roadmap-trail";
import { SuccessCriteria } from "@/lib/features/progress/components/success-criteria";
import type { LearnerRoadmap } from "@/lib/features/progress/types";

export function RoadmapView({ roadmap, cohortQuery }: { roadmap: LearnerRoadmap; cohortQuery: string }) {
  return (
    <div className="grid gap-6">
      {/* Another cohort is another trail: its folded phases and local ticks start afresh. */}
      <RoadmapTrail
        key={roadmap.cohortId}
        cohortId={roadmap.cohortId}
        cohortQuery={cohortQuery}
        phases={roadmap.phases}
        startDate={roadmap.startDate}
        today={roadmap.today}
        hint={
          <p className="hidden text-xs text-muted-foreground sm:block">
            <Kbd>j</Kbd> / <Kbd>k</Kbd> move between milestones · <Kbd>Enter</Kbd> opens the selected one · <Kbd>x</Kbd> marks it
            done or not done · <Kbd>?</Kbd> all shortcuts
          </p>
        }
        icons={{ due: <CalendarClock aria-hidden className="size-3.5" />, open: <ArrowRight aria-hidden /> }}
      />
      <SuccessCriteria cohortId={roadmap.cohortId} criteria={roadmap.criteria} timezone={roadmap.timezone} />
    </div>
  );
}
