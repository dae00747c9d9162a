import { dateOfDay, type Day, dayOfDate } from "@/lib/calendar";
import { safeTimeZone, today } from "@/lib/calendar-zones";
import type { MoveItem } from "@/lib/features/cohorts/types";

/**
 * What moving from one version to another does to each key: kept (in both), new (only in the
 * target) and dropped (only in the current one). Progress hangs off keys, so this is all that changes.
 * Each list keeps the order of the version it comes from.
 */
export function diffVersionItems(current: MoveItem[], target: MoveItem[]) {
  const currentByKey = new Map(current.map((item) => [item.key, item]));
  const targetKeys = new Set(target.map((item) => item.key));
  return {
    kept: target
      .filter((item) => currentByKey.has(item.key))
      .map((item) => {
        const before = currentByKey.get(item.key)!;
        return { ...item, previousTitle: before.title === item.title ? null : before.title };
      }),
    added: target.filter((item) => !currentByKey.has(item.key)),
    dropped: current.filter((item) => !targetKeys.has(item.key)),
  };
}

/**
 * Where a member lands: learners on their roadmap in this cohort, mentors on its members page, admins on
 * the admin home; an account from an instance invite without a cohort waits on /welcome to be added to one.
 */
export function homeOf(role: "admin" | "mentor" | "learner", cohortId: string | null) {
  if (role === "admin") return "/admin";
  if (!cohortId) return "/welcome";
  return role === "learner" ? `/roadmap?cohort=${cohortId}` : `/cohorts/${cohortId}/members`;
}

/**
 * The start date a learner gets on joining at `now` (docs/decisions/039): the day they join, on the cohort's
 * calendar, when that is after the cohort's start — someone arriving in week four starts their own schedule, not
 * one already four weeks behind. On or before the cohort's start it is null: the cohort's start applies.
 */
export function startDateOnJoining(cohort: { startDate: Date; timezone: string }, now: Date): Date | null {
  const joinedOn = today(safeTimeZone(cohort.timezone), now);
  return joinedOn > dayOfDate(cohort.startDate) ? dateOfDay(joinedOn) : null;
}

/**
 * The schedule fields of a learner membership that is created or comes back at `now`: a start date a mentor chose
 * stays; any other is replaced by the one for joining now, so someone added back resumes from the day they return.
 */
export function learnerScheduleOnJoining(
  cohort: { startDate: Date; timezone: string },
  previous: { startDate: Date | null; startDateByMentor: boolean } | null,
  now: Date,
): { startDate: Date | null; startDateByMentor: boolean } {
  if (previous?.startDateByMentor) return { startDate: previous.startDate, startDateByMentor: true };
  return { startDate: startDateOnJoining(cohort, now), startDateByMentor: false };
}

/** The start date a join wrote, for its audit row; nothing when the join left the schedule alone (a mentor). */
export function startDateAudit(schedule: { startDate?: Date | null }): { startDate?: Day | null } {
  if (schedule.startDate === undefined) return {};
  return { startDate: schedule.startDate ? dayOfDate(schedule.startDate) : null };
}
