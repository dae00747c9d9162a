import "server-only";
import { db } from "@/lib/db";
import type { LearnerMembership } from "@/lib/features/cohorts/types";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import type { LearnerRoadmap } from "@/lib/features/progress/types";
import { phaseTargetDate } from "@/lib/features/progress/utils";

/** The learner's roadmap: the cohort's pinned version with the learner's status on every milestone. */
export async function getLearnerRoadmap(membership: LearnerMembership): Promise<LearnerRoadmap> {
  const [version, progress] = await Promise.all([
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: membership.versionId },
      relationLoadStrategy: "join",
      select: {
        title: true,
        summary: true,
        phases: {
          where: { archivedAt: null },
          orderBy: { position: "asc" },
          select: {
            key: true,
            title: true,
            milestones: {
              where: { archivedAt: null },
              orderBy: { position: "asc" },
              select: { key: true, title: true, evidence: true, reviewRequired: true, effortHours: true },
            },
          },
        },
      },
    }),
    db.progress.findMany({
      where: { membershipId: membership.membershipId },
      select: { itemKey: true, status: true },
    }),
  ]);
  const statusByKey = new Map(progress.map((row) => [row.itemKey, row.status]));
  const phases = version.phases.map((phase, index) => {
    const milestones = phase.milestones.map((milestone) => ({
      ...milestone,
      status: statusByKey.get(milestone.key) ?? "not_started",
    }));
    return {
      key: phase.key,
      title: phase.title,
      targetDate: phaseTargetDate(membership.startDate, index, membership.weeksPerPhase, membership.extensionDays),
      completed: milestones.filter((m) => COMPLETE_STATUSES.has(m.status)).length,
      total: milestones.length,
      milestones,
    };
  });
  return {
    cohortId: membership.cohortId,
    cohortName: membership.cohortName,
    roadmapTitle: version.title,
    summary: version.summary,
    completed: phases.reduce((sum, phase) => sum + phase.completed, 0),
    total: phases.reduce((sum, phase) => sum + phase.total, 0),
    phases,
  };
}
