import "server-only";
import type { Day } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LearnerMembership } from "@/lib/auth/access";
import type { CheckinScope } from "@/lib/features/checkins/policy";
import { canEditCheckinWeek } from "@/lib/features/checkins/policy";
import { CLOSE_OUT_TEXT_FIELDS } from "@/lib/features/checkins/constants";
import type {
  CheckinDetail,
  CheckinRecord,
  CheckinsPage,
  CheckinWeek,
  PlannablePhase,
  WeeklyRuleCheck,
} from "@/lib/features/checkins/types";
import { addDays, dayOfDate, weekStartOf } from "@/lib/calendar";
import { safeTimeZone, today as todayIn, weekOf } from "@/lib/calendar-zones";
import { streakLength, weeklyRuleCheck, weeklyRuleParts, weeksBetween } from "@/lib/features/checkins/utils";
import { COMPLETE_STATUSES } from "@/lib/features/progress/constants";
import { liveInOrder } from "@/lib/features/roadmaps/utils";

const checkinSelect = {
  id: true,
  weekStart: true,
  plannedKeys: true,
  plannedHours: true,
  actualHours: true,
  learned: true,
  built: true,
  tested: true,
  documented: true,
  reviewed: true,
  blockers: true,
  reflection: true,
  closedAt: true,
  lockVersion: true,
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    // Only the author's name: learner-facing payloads never carry emails (docs/security.md #8).
    select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  },
} satisfies Prisma.CheckinSelect;

type CheckinRow = {
  id: string;
  weekStart: Date;
  plannedKeys: string[];
  plannedHours: number | null;
  actualHours: number | null;
  closedAt: Date | null;
  lockVersion: number;
  comments: { id: string; body: string; createdAt: Date; authorId: string; author: { name: string } }[];
} & Record<(typeof CLOSE_OUT_TEXT_FIELDS)[number], string>;

function toRecord(
  row: CheckinRow,
  titles: ReadonlyMap<string, string>,
  learnerUserId: string,
  viewerId: string,
): CheckinRecord {
  return {
    id: row.id,
    weekStart: dayOfDate(row.weekStart),
    plannedKeys: row.plannedKeys,
    plannedMilestones: row.plannedKeys.map((key) => ({ key, title: titles.get(key) ?? key })),
    plannedHours: row.plannedHours,
    actualHours: row.actualHours,
    closeOut: Object.fromEntries(
      CLOSE_OUT_TEXT_FIELDS.map((field) => [field, row[field]]),
    ) as CheckinRecord["closeOut"],
    closedAt: row.closedAt?.toISOString() ?? null,
    lockVersion: row.lockVersion,
    comments: row.comments.map((comment) => ({
      id: comment.id,
      authorName: comment.author.name,
      authorRole: comment.authorId === learnerUserId ? "learner" : "mentor",
      mine: comment.authorId === viewerId,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    })),
  };
}

/** Counts evidence and completions per week (Monday in the cohort's zone). */
function tallyByWeek(instants: Date[], timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const instant of instants) {
    const week = weekOf(instant, timeZone);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return counts;
}

/**
 * Everything the learner's "Check-ins" page shows. Four statements in parallel whatever the
 * number of weeks, milestones or cohort-mates: the roadmap (phases, milestones, weekly rule),
 * the learner's progress, their submissions' times and their check-ins with comments.
 */
export async function getCheckinsPage(
  membership: LearnerMembership,
  learnerUserId: string,
  now: Date,
): Promise<CheckinsPage> {
  const timeZone = safeTimeZone(membership.timezone);
  const [version, progress, submissions, checkins] = await Promise.all([
    db.roadmapVersion.findUniqueOrThrow({
      where: { id: membership.versionId },
      relationLoadStrategy: "join",
      select: {
        phases: liveInOrder({
          key: true,
          title: true,
          milestones: liveInOrder({ key: true, title: true }),
        }),
        weeklyRule: { orderBy: { position: "asc" }, select: { text: true } },
      },
    }),
    db.progress.findMany({
      where: { membershipId: membership.membershipId },
      select: { itemKey: true, status: true, completedAt: true },
    }),
    db.submission.findMany({
      where: { progress: { membershipId: membership.membershipId }, status: { not: "withdrawn" } },
      select: { createdAt: true },
    }),
    db.checkin.findMany({
      where: { membershipId: membership.membershipId },
      orderBy: { weekStart: "desc" },
      relationLoadStrategy: "join",
      select: checkinSelect,
    }),
  ]);

  const today = todayIn(timeZone, now);
  const currentWeek = weekStartOf(today);
  const previousWeek = addDays(currentWeek, -7);
  const startWeek = weekStartOf(dayOfDate(membership.startDate));
  const titles = new Map(version.phases.flatMap((phase) => phase.milestones.map((m) => [m.key, m.title] as const)));

  const evidenceByWeek = tallyByWeek(
    submissions.map((s) => s.createdAt),
    timeZone,
  );
  const completedByWeek = tallyByWeek(
    progress.flatMap((row) => (row.completedAt && COMPLETE_STATUSES.has(row.status) ? [row.completedAt] : [])),
    timeZone,
  );
  const checkinByWeek = new Map(
    checkins.map((row) => [dayOfDate(row.weekStart), toRecord(row, titles, learnerUserId, learnerUserId)]),
  );
  const ruleFor = (week: Day): WeeklyRuleCheck => {
    const evidence = evidenceByWeek.get(week) ?? 0;
    const completed = completedByWeek.get(week) ?? 0;
    return weeklyRuleCheck(evidence, completed, weeklyRuleParts(checkinByWeek.get(week)?.closeOut));
  };
  const weekView = (weekStart: Day): CheckinWeek => ({
    weekStart,
    weekEnd: addDays(weekStart, 6),
    rule: ruleFor(weekStart),
    checkin: checkinByWeek.get(weekStart) ?? null,
    editable: canEditCheckinWeek(weekStart, currentWeek),
  });

  // Check-ins written before a later start-date override stay visible rather than silently vanishing.
  const earliestCheckin = checkins.at(-1) ? dayOfDate(checkins.at(-1)!.weekStart) : startWeek;
  const firstWeek = earliestCheckin < startWeek ? earliestCheckin : startWeek;
  const pastWeeks = weeksBetween(firstWeek, previousWeek).map(weekView).reverse();

  const lastWeekView = pastWeeks[0]?.weekStart === previousWeek ? pastWeeks[0] : null;
  const lastWeek = lastWeekView && !lastWeekView.checkin?.closedAt ? lastWeekView : null;

  const thisWeek = weekView(currentWeek);
  const complete = new Set(progress.filter((row) => COMPLETE_STATUSES.has(row.status)).map((row) => row.itemKey));
  const planned = new Set(thisWeek.checkin?.plannedKeys ?? []);
  const plannable: PlannablePhase[] = version.phases
    .map((phase) => ({
      key: phase.key,
      title: phase.title,
      milestones: phase.milestones.filter((m) => !complete.has(m.key) || planned.has(m.key)),
    }))
    .filter((phase) => phase.milestones.length > 0);

  const metWeeks = new Set([...pastWeeks, thisWeek].filter((week) => week.rule.met).map((week) => week.weekStart));

  return {
    cohortId: membership.cohortId,
    cohortName: membership.cohortName,
    timezone: timeZone,
    today,
    firstWeek: startWeek,
    weeklyRule: version.weeklyRule.map((item) => item.text),
    plannable,
    thisWeek,
    lastWeek,
    history: lastWeek ? pastWeeks.slice(1) : pastWeeks,
    streak: streakLength(metWeeks, currentWeek, firstWeek),
    weeksMet: pastWeeks.filter((week) => week.rule.met).length,
    weeksPast: pastWeeks.length,
  };
}

/**
 * A check-in's scope as one viewer sees it, derived from the row itself
 * (check-in → membership → cohort → the viewer's mentor membership), never from client ids.
 */
export async function getCheckinScope(checkinId: string, viewerId: string) {
  const row = await db.checkin.findUnique({
    where: { id: checkinId },
    relationLoadStrategy: "join",
    select: {
      id: true,
      weekStart: true,
      lockVersion: true,
      closedAt: true,
      membership: {
        select: {
          id: true,
          userId: true,
          role: true,
          removedAt: true,
          cohort: {
            select: {
              id: true,
              timezone: true,
              archivedAt: true,
              memberships: {
                where: { userId: viewerId, role: "mentor", removedAt: null },
                select: { id: true },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { membership } = row;
  const scope: CheckinScope = {
    learnerUserId: membership.userId,
    learnerActive: membership.role === "learner" && membership.removedAt === null,
    cohortActive: membership.cohort.archivedAt === null,
    viewerIsMentor: membership.cohort.memberships.length > 0,
  };
  return {
    scope,
    checkinId: row.id,
    membershipId: membership.id,
    cohortId: membership.cohort.id,
    timezone: safeTimeZone(membership.cohort.timezone),
    weekStart: dayOfDate(row.weekStart),
    lockVersion: row.lockVersion,
    closed: row.closedAt !== null,
  };
}

/** One check-in with its comments and planned milestones' titles; the caller has checked scope. */
export async function getCheckinDetail(checkinId: string, viewerId: string): Promise<CheckinDetail | null> {
  const row = await db.checkin.findUnique({
    where: { id: checkinId },
    relationLoadStrategy: "join",
    select: {
      ...checkinSelect,
      membership: {
        select: {
          userId: true,
          user: { select: { name: true } },
          cohort: { select: { id: true, timezone: true, versionId: true } },
        },
      },
    },
  });
  if (!row) return null;
  const milestones = await db.milestone.findMany({
    where: { versionId: row.membership.cohort.versionId, key: { in: row.plannedKeys } },
    select: { key: true, title: true },
  });
  const titles = new Map(milestones.map((m) => [m.key, m.title]));
  return {
    learnerName: row.membership.user.name,
    cohortId: row.membership.cohort.id,
    timezone: safeTimeZone(row.membership.cohort.timezone),
    checkin: toRecord(row, titles, row.membership.userId, viewerId),
  };
}

/** Which of `keys` are live milestones of the roadmap version (planning only offers those). */
export async function listMilestoneKeys(versionId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.milestone.findMany({
    where: { versionId, key: { in: keys }, archivedAt: null },
    select: { key: true },
  });
  return new Set(rows.map((row) => row.key));
}
