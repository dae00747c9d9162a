import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getLearnerMembership } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { getLearnerItem, getLearnerRoadmap, getSubmissionRecord } from "@/lib/features/progress/data";
import type { RoadmapRecord, SubmissionRecord } from "@/lib/features/progress/types";
import { roadmapSummary } from "@/lib/features/progress/utils";
import type { ProgressStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The viewer's own learner membership; another cohort, a malformed id or none at all is a 404. */
const loadMembership = cache(async (viewer: Viewer, cohortId?: string) => {
  if (cohortId !== undefined && !isUuid(cohortId)) notFound();
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) notFound();
  return membership;
});

export const loadLearnerRoadmap = cache(async (viewer: Viewer, cohortId?: string) => {
  return getLearnerRoadmap(await loadMembership(viewer, cohortId));
});

export const loadLearnerItem = cache(async (viewer: Viewer, key: string, cohortId?: string) => {
  if (!KEY.test(key)) notFound();
  const item = await getLearnerItem(await loadMembership(viewer, cohortId), key);
  if (!item) notFound();
  return item;
});

/**
 * API v1's `GET /api/v1/roadmap`: the roadmap page's data for the token's person in that cohort (or their first
 * learner cohort), shaped for scripts. A cohort they do not learn in reads as missing, whatever they are there.
 */
export async function loadRoadmapRecord(viewer: Viewer, cohortId?: string): Promise<RoadmapRecord> {
  const membership = await getLearnerMembership(viewer.id, cohortId);
  if (!membership) {
    throw new AppError(
      "NOT_FOUND",
      cohortId === undefined ? "You are not a learner in any active cohort, so you have no roadmap." : "You have no roadmap in this cohort.",
    );
  }
  const roadmap = await getLearnerRoadmap(membership);
  const summary = roadmapSummary(roadmap.phases, roadmap.startDate, roadmap.today);
  const byStatus: Record<ProgressStatus, number> = { not_started: 0, in_progress: 0, submitted: 0, changes_requested: 0, approved: 0, done: 0 };
  for (const phase of roadmap.phases) for (const milestone of phase.milestones) byStatus[milestone.status] += 1;
  return {
    cohortId: roadmap.cohortId,
    cohortName: roadmap.cohortName,
    roadmapTitle: roadmap.roadmapTitle,
    today: roadmap.today,
    progress: { total: summary.total, completed: summary.completed, expected: summary.pace.expected, onPace: summary.pace.onPace, byStatus },
    phases: roadmap.phases.map((phase) => ({
      key: phase.key,
      title: phase.title,
      dueDate: phase.targetDate,
      total: phase.total,
      completed: phase.milestones.filter((milestone) => COMPLETE_STATUSES.has(milestone.status)).length,
      milestones: phase.milestones.map((milestone) => ({
        key: milestone.key,
        title: milestone.title,
        status: milestone.status,
        evidence: milestone.evidence,
        reviewRequired: milestone.reviewRequired,
        effortHours: milestone.effortHours,
        dueDate: milestone.targetDate,
        attempts: milestone.attempts,
        latestAttempt: roadmap.latestAttempts[milestone.key] ?? null,
      })),
    })),
  };
}

/** One of the viewer's own attempts by id, as API v1 answers with it; anyone else's reads as missing. */
export async function loadSubmissionRecord(viewer: Viewer, submissionId: string): Promise<SubmissionRecord> {
  const record = await getSubmissionRecord(viewer.id, submissionId);
  if (!record) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  return record;
}
