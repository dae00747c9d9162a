import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getCheckinsPage } from "@/lib/features/checkins/data";
import { CLOSE_OUT_LABELS, CLOSE_OUT_TEXT_FIELDS } from "@/lib/features/checkins/constants";
import type { CheckinWeek } from "@/lib/features/checkins/types";
import { dateOfDay } from "@/lib/calendar";
import { safeTimeZone, today as todayIn } from "@/lib/calendar-zones";
import { cohortAccessOrNull, type CohortAccess } from "@/lib/auth/access";
import {
  getCohortStructure,
  listAssessments,
  listLearnerRows,
  listPendingAttempts,
  listReviewHistory,
  listTimeline,
  listVisibleCohorts,
} from "@/lib/features/cohort-progress/data";
import { canCommentOnLearnerCheckins, canSignOffAssessment } from "@/lib/features/cohort-progress/policy";
import type { CohortListItem, CohortOverview, CohortProgressJson, LearnerDetail, MatrixQuery, MentorCheckinWeek } from "@/lib/features/cohort-progress/types";
import { buildMatrix, cohortStats, learnerStanding, learnerTargets, matrixGroups, progressCsv, progressJson, recentSince, reviewHistoryCsv, statusOf, type StandingRow } from "@/lib/features/cohort-progress/utils";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { isUuid } from "@/lib/ids";
import { type CsvFile } from "@/lib/csv";

/** The cohort's name for a page title; the same 404 as the page itself. */
export const loadCohortName = cache(async (viewer: Viewer, cohortId: string): Promise<string> => {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) notFound();
  return access.cohortName;
});

/** Structure and every active learner's standing: the access check plus two statements, whatever the size. */
async function cohortStandings(access: CohortAccess, now: Date) {
  const timeZone = safeTimeZone(access.timezone);
  const today = todayIn(timeZone, now);
  const [structure, rows] = await Promise.all([
    getCohortStructure(access.cohortId),
    listLearnerRows(access.cohortId, recentSince(today), timeZone),
  ]);
  if (!structure) return null;
  const memo = new Map<string, ReturnType<typeof learnerTargets>>();
  const learners: StandingRow[] = rows.map((row) => ({ row, standing: learnerStanding(structure, row, today, memo) }));
  return { structure, learners, today };
}

/**
 * The cohort page: overview numbers and one page of the "Progress" matrix. Three SQL statements whatever the
 * cohort's size — the access check, the roadmap structure, the learners with their statuses — and the same
 * 404 as a random id for anyone who does not mentor the cohort (admins excepted). `now` is for tests.
 */
export const loadCohortOverview = cache(
  async (viewer: Viewer, cohortId: string, query: MatrixQuery, now: Date = new Date()): Promise<CohortOverview> => {
    const access = await cohortAccessOrNull(viewer, cohortId);
    if (!access) notFound();
    const loaded = await cohortStandings(access, now);
    if (!loaded) notFound();
    const { structure, learners, today } = loaded;
    return {
      cohort: {
        id: structure.id,
        name: structure.name,
        timezone: structure.timezone,
        roadmapTitle: structure.roadmapTitle,
        versionNumber: structure.versionNumber,
        startDate: structure.startDate,
        weeksPerPhase: structure.weeksPerPhase,
        inactivityDays: structure.inactivityDays,
        behindPaceBy: structure.behindPaceBy,
        changesRequestedDays: structure.changesRequestedDays,
        phaseSlippedDays: structure.phaseSlippedDays,
        as: access.as,
      },
      today,
      stats: cohortStats(learners),
      phases: matrixGroups(structure).map((group) => ({
        value: group.key,
        label: group.number > 0 ? `${group.number}. ${group.title}` : group.title,
      })),
      matrix: buildMatrix(structure, learners, query),
    };
  },
);

function mentorWeek(week: CheckinWeek, running: boolean): MentorCheckinWeek {
  const { checkin } = week;
  return {
    weekStart: week.weekStart,
    rule: week.rule,
    running,
    checkin: checkin
      ? {
          id: checkin.id,
          plannedMilestones: checkin.plannedMilestones,
          plannedHours: checkin.plannedHours,
          actualHours: checkin.actualHours,
          closeOut: CLOSE_OUT_TEXT_FIELDS.filter((field) => checkin.closeOut[field].trim() !== "").map((field) => ({
            label: CLOSE_OUT_LABELS[field],
            text: checkin.closeOut[field],
          })),
          closedAt: checkin.closedAt,
          comments: checkin.comments.map((comment) => ({
            id: comment.id,
            authorName: comment.authorName,
            byLearner: comment.authorRole === "learner",
            body: comment.body,
            createdAt: comment.createdAt,
          })),
        }
      : null,
  };
}

/**
 * One learner of the cohort as their mentor sees them. Another cohort's learner, a learner removed from this
 * cohort, a mentor's membership and a random id are all the same 404: removal ends what mentors see of someone
 * (their decisions stay in the cohort's review-history export). A constant number of statements.
 */
export const loadLearnerDetail = cache(
  async (viewer: Viewer, cohortId: string, membershipId: string, now: Date = new Date()): Promise<LearnerDetail> => {
    const access = await cohortAccessOrNull(viewer, cohortId);
    if (!access || !isUuid(membershipId)) notFound();
    const timeZone = safeTimeZone(access.timezone);
    const today = todayIn(timeZone, now);
    const [structure, rows] = await Promise.all([
      getCohortStructure(cohortId),
      listLearnerRows(cohortId, recentSince(today), timeZone, membershipId),
    ]);
    const row = rows[0];
    if (!structure || !row) notFound();

    const [checkinsPage, timeline, pending, assessments] = await Promise.all([
      getCheckinsPage(
        {
          membershipId: row.membershipId,
          userId: row.userId,
          cohortId: structure.id,
          cohortName: structure.name,
          versionId: structure.versionId,
          startDate: dateOfDay(row.startDate),
          extensionDays: row.extensionDays,
          weeksPerPhase: structure.weeksPerPhase,
          timezone: structure.timezone,
        },
        row.userId,
        now,
      ),
      listTimeline(row.membershipId),
      listPendingAttempts(row.membershipId),
      listAssessments(row.membershipId),
    ]);

    const pendingByKey = new Map(pending.map((attempt) => [attempt.progress.itemKey, attempt]));
    const pendingOf = (key: string) => {
      const waiting = pendingByKey.get(key);
      return waiting ? { submissionId: waiting.id, attempt: waiting.attempt, submittedAt: waiting.createdAt.toISOString() } : null;
    };
    const targets = learnerTargets(structure, row);
    const assessmentByKey = new Map(assessments.map((assessment) => [assessment.criterionKey, assessment]));
    const weeks = [checkinsPage.thisWeek, ...(checkinsPage.lastWeek ? [checkinsPage.lastWeek] : []), ...checkinsPage.history];

    return {
      cohort: { id: structure.id, name: structure.name, timezone: structure.timezone, as: access.as },
      learner: {
        membershipId: row.membershipId,
        userId: row.userId,
        name: row.name,
        email: row.email,
        startDate: row.startDate,
        extensionDays: row.extensionDays,
      },
      today,
      standing: learnerStanding(structure, row, today),
      lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
      phases: structure.phases.map((phase, index) => {
        const milestones = phase.milestones.map((milestone, position) => ({
          key: milestone.key,
          code: milestone.code,
          title: milestone.title,
          status: statusOf(row, milestone.key),
          targetDate: targets.milestones[index]![position]!,
          pending: pendingOf(milestone.key),
        }));
        return {
          key: phase.key,
          number: phase.number,
          title: phase.title,
          targetDate: targets.phases[index]!,
          completed: milestones.filter((milestone) => COMPLETE_STATUSES.has(milestone.status)).length,
          milestones,
        };
      }),
      projects: structure.projects.map((project, index) => ({
        key: project.key,
        code: `P${index + 1}`,
        title: project.title,
        status: statusOf(row, project.key),
        pending: pendingOf(project.key),
      })),
      timeline: timeline.map((event) => ({
        ...event,
        itemTitle: event.itemKey ? (structure.titles.get(event.itemKey) ?? event.itemKey) : null,
      })),
      checkins: {
        streak: checkinsPage.streak,
        weeksMet: checkinsPage.weeksMet,
        weeksPast: checkinsPage.weeksPast,
        weeks: weeks.map((week) => mentorWeek(week, week.weekStart === checkinsPage.thisWeek.weekStart)),
      },
      canComment: canCommentOnLearnerCheckins(access),
      canSignOff: canSignOffAssessment(viewer, access, row.userId),
      assessments: structure.criteria.map((criterion) => {
        const assessment = assessmentByKey.get(criterion.key);
        return {
          id: assessment?.id ?? null,
          criterionKey: criterion.key,
          text: criterion.text,
          level: assessment?.level ?? null,
          justification: assessment?.justification ?? "",
          updatedAt: assessment?.updatedAt.toISOString() ?? null,
          signedOffBy: assessment?.signedOffAt ? (assessment.signedOffBy?.name ?? "a former mentor") : null,
          signedOffAt: assessment?.signedOffAt?.toISOString() ?? null,
        };
      }),
    };
  },
);

/** "Cohorts": the cohorts the viewer mentors (every active one for an admin); nobody else has this page. */
export const loadCohortList = cache(async (viewer: Viewer): Promise<CohortListItem[]> => {
  const cohorts = await listVisibleCohorts(viewer);
  if (cohorts.length === 0 && !viewer.isAdmin) notFound();
  return cohorts;
});

/** The progress matrix as CSV; null (→ 404) for a signed-out caller, another cohort or a random id. */
export async function loadProgressCsv(viewer: Viewer | null, cohortId: string, now: Date = new Date()): Promise<CsvFile | null> {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) return null;
  const loaded = await cohortStandings(access, now);
  return loaded ? progressCsv(loaded.structure, loaded.learners, loaded.today) : null;
}

/** The progress matrix as JSON for the API; null (→ 404) exactly as for the CSV export, which it matches. */
export async function loadProgressJson(viewer: Viewer, cohortId: string, now: Date = new Date()): Promise<CohortProgressJson | null> {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) return null;
  const loaded = await cohortStandings(access, now);
  return loaded ? progressJson(loaded.structure, loaded.learners, loaded.today) : null;
}

/** Every decision in the cohort as CSV; null (→ 404) exactly as for the progress export. Two statements. */
export async function loadReviewHistoryCsv(viewer: Viewer | null, cohortId: string, now: Date = new Date()): Promise<CsvFile | null> {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!access) return null;
  const timeZone = safeTimeZone(access.timezone);
  const rows = await listReviewHistory(access.cohortId);
  return reviewHistoryCsv(access.cohortName, timeZone, rows, todayIn(timeZone, now));
}
