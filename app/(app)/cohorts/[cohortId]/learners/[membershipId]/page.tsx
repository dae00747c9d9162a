import { Mail } from "@/components/ui/icons/mail";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { Assessments } from "@/lib/features/cohort-progress/components/assessments";
import { LearnerCheckins } from "@/lib/features/cohort-progress/components/learner-checkins";
import { LearnerPhases } from "@/lib/features/cohort-progress/components/learner-phases";
import { LearnerStanding } from "@/lib/features/cohort-progress/components/learner-standing";
import { LearnerTimeline } from "@/lib/features/cohort-progress/components/learner-timeline";
import { TargetHighlight } from "@/lib/features/cohort-progress/components/target-highlight";
import { TIMELINE_LIMIT } from "@/lib/features/cohort-progress/constants";
import { loadLearnerDetail } from "@/lib/features/cohort-progress/loaders";
import { BurnupChart, HoursChart } from "@/lib/features/insights/components/learner-progress";
import { loadLearnerProgress } from "@/lib/features/insights/loaders";

type Props = { params: Promise<{ cohortId: string; membershipId: string }> };

async function load({ params }: Props) {
  const { cohortId, membershipId } = await params;
  return loadLearnerDetail(await requireViewer(), cohortId, membershipId);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const detail = await load(props);
  return { title: `${detail.learner.name} · ${detail.cohort.name}` };
}

function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={className ?? "grid content-start gap-3"}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function LearnerPage(props: Props) {
  const [detail, { cohortId, membershipId }, viewer] = await Promise.all([load(props), props.params, requireViewer()]);
  const progress = await loadLearnerProgress(viewer, cohortId, membershipId);
  const { learner, cohort } = detail;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/cohorts/${cohort.id}`} className="hover:underline">
            {cohort.name}
          </Link>
        }
        title={learner.name}
        description={
          <a href={`mailto:${learner.email}`} className="inline-flex items-center gap-1.5 hover:underline">
            <Mail aria-hidden className="size-4" />
            {learner.email}
          </a>
        }
      />
      <div className="grid gap-10">
        <Section id="standing" title="Standing" className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
          <LearnerStanding detail={detail} />
        </Section>

        <Section id="over-time" title="Over time">
          <div className="grid gap-4 lg:grid-cols-2">
            <BurnupChart progress={progress} who="they" />
            <HoursChart progress={progress} who="they" />
          </div>
        </Section>

        <div className="grid gap-10 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
          <Section id="progress" title="Progress">
            <LearnerPhases phases={detail.phases} projects={detail.projects} today={detail.today} />
            <TargetHighlight pageKey={learner.membershipId} />
          </Section>
          <Section id="timeline" title="Timeline">
            <LearnerTimeline
              events={detail.timeline}
              learnerName={learner.name}
              timezone={cohort.timezone}
              limited={detail.timeline.length >= TIMELINE_LIMIT}
            />
          </Section>
        </div>

        <Section id="success-criteria" title="Success criteria">
          <Assessments assessments={detail.assessments} canSignOff={detail.canSignOff} timezone={cohort.timezone} />
        </Section>

        <Section id="check-ins" title="Check-ins">
          <LearnerCheckins detail={detail} />
        </Section>
      </div>
    </>
  );
}
