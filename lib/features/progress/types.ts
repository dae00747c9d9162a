import type { EvidenceRequirement, ProgressStatus } from "@/lib/generated/prisma/enums";

export type RoadmapMilestoneRow = {
  key: string;
  title: string;
  status: ProgressStatus;
  evidence: EvidenceRequirement;
  reviewRequired: boolean;
  effortHours: number | null;
};

export type RoadmapPhaseSection = {
  key: string;
  title: string;
  /** ISO date (YYYY-MM-DD) by which the cohort's pacing expects the phase finished. */
  targetDate: string;
  completed: number;
  total: number;
  milestones: RoadmapMilestoneRow[];
};

export type LearnerRoadmap = {
  cohortId: string;
  cohortName: string;
  roadmapTitle: string;
  summary: string;
  completed: number;
  total: number;
  phases: RoadmapPhaseSection[];
};
