// The at-risk rules (docs/product.md) and who may act on a cohort's learners. Pure: every rule takes the
// cohort's "today" and the days it reads, already on the cohort's calendar, from its caller, so tests stand on a
// fixed day and the matrix, the overview, the learner page and the CSV all flag the same people for the same reasons.
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, type Day, daysBetween, formatDay, weekStartOf } from "@/lib/calendar";
import { weekOf } from "@/lib/calendar-zones";
import type { WeeklyRuleCheck } from "@/lib/features/checkins/types";
import { WEEKLY_RULE_PARTS } from "@/lib/features/checkins/constants";
import { weeklyRuleCheck } from "@/lib/features/checkins/utils";
import type { CohortAccess } from "@/lib/auth/access";
import type { RiskFlag, RiskSeverity } from "@/lib/features/cohort-progress/types";
import { pace, type PaceInput } from "@/lib/features/progress/utils";
import { plural } from "@/lib/plural";

/**
 * How serious a measured slip is (decision 050): the cohort's threshold is an early signal ("Watch"); twice the
 * threshold means act now ("At risk").
 */
export function severityOf(measure: number, threshold: number): RiskSeverity {
  return measure >= 2 * threshold ? "at_risk" : "watch";
}

const SEVERITY_RANK: Record<RiskSeverity, number> = { at_risk: 2, watch: 1 };

/** The worst severity among a learner's flags, null for none; "At risk first" sorts on this rank. */
export function worstSeverity(flags: readonly RiskFlag[]): RiskSeverity | null {
  let worst: RiskSeverity | null = null;
  for (const flag of flags) if (!worst || SEVERITY_RANK[flag.severity] > SEVERITY_RANK[worst]) worst = flag.severity;
  return worst;
}

export function severityRank(severity: RiskSeverity | null): number {
  return severity ? SEVERITY_RANK[severity] : 0;
}

/**
 * Behind the cohort's pacing by `by` or more: at least that many more milestones have reached their target date
 * than are complete. One milestone late is an ordinary week, not a learner at risk; the cohort chooses the margin.
 */
export function behindPace(items: PaceInput, startDate: Day, today: Day, by: number): RiskFlag | null {
  if (today < startDate) return null;
  const result = pace(items, startDate, today);
  const behind = result.expected - result.completed;
  if (behind < by) return null;
  return {
    kind: "behind_pace",
    severity: severityOf(behind, by),
    reason: `Behind pace: ${result.completed} of ${plural(result.expected, "due milestone")} done`,
  };
}

/**
 * No progress, evidence, comment or check-in for `days` calendar days (cohort zone: `lastActivityOn` is the day of
 * the last activity there). With no activity at all, silence counts from the learner's start, or from the day they
 * joined if that was later: someone added yesterday has not been silent for a month. A start date moved later
 * (a fresh start) resets the clock too.
 */
export function inactive({
  lastActivityOn,
  startDate,
  joinedOn,
  today,
  days,
}: {
  lastActivityOn: Day | null;
  startDate: Day;
  joinedOn: Day;
  today: Day;
  days: number;
}): RiskFlag | null {
  if (today < startDate) return null;
  const lastDay = lastActivityOn;
  const floor = lastDay ? startDate : joinedOn > startDate ? joinedOn : startDate;
  const quietSince = lastDay && lastDay > floor ? lastDay : floor;
  const quiet = daysBetween(quietSince, today);
  if (quiet < days) return null;
  return {
    kind: "inactive",
    severity: severityOf(quiet, days),
    reason: lastDay ? `No activity for ${quiet} days` : `No activity since starting ${plural(quiet, "day")} ago`,
  };
}

/**
 * The weekly rule for one week, exactly as the learner's "Check-ins" page computes it
 * (lib/features/checkins/data.ts): met when any evidence was submitted or any milestone completed during the
 * Monday-to-Sunday week in the cohort's zone.
 */
export function weeklyRuleFor(weekStart: Day, evidence: Date[], completions: Date[], timeZone: string): WeeklyRuleCheck {
  const inWeek = (instants: Date[]) => instants.filter((instant) => weekOf(instant, timeZone) === weekStart).length;
  const evidenceCount = inWeek(evidence);
  const completed = inWeek(completions);
  return weeklyRuleCheck(evidenceCount, completed);
}

/**
 * The weekly rule missed in both of the last two complete weeks; the running week never counts against anyone.
 * `activeWeeks` are the Mondays (cohort zone) of the weeks with any evidence submitted or milestone completed; the
 * reason also says how many parts of the rule those weeks' check-ins reported (decision 051).
 */
export function weeklyRuleMissed({
  today,
  startDate,
  activeWeeks,
  checkinParts = new Map(),
}: {
  today: Day;
  startDate: Day;
  activeWeeks: readonly Day[];
  checkinParts?: ReadonlyMap<Day, number>;
}): RiskFlag | null {
  const lastWeek = addDays(weekStartOf(today), -7);
  const weekBefore = addDays(lastWeek, -7);
  if (weekBefore < weekStartOf(startDate)) return null;
  const missed = !activeWeeks.includes(lastWeek) && !activeWeeks.includes(weekBefore);
  if (!missed) return null;
  const [before, last] = [checkinParts.get(weekBefore) ?? 0, checkinParts.get(lastWeek) ?? 0];
  const reported = before + last > 0 ? `; check-ins reported ${before} and ${last} of ${WEEKLY_RULE_PARTS.length} parts` : "";
  // The rule reads two weeks, so a miss is an early signal; silence beyond that is the inactivity rule's to escalate.
  return { kind: "weekly_rule", severity: "watch", reason: `Weekly rule missed the last 2 weeks${reported}` };
}

/** A mentor asked for changes `days` or more days ago (cohort calendar) and no newer attempt followed. */
export function changesUnanswered({
  openRequests,
  today,
  days,
}: {
  /** Oldest first; `decidedOn` is the decision's day in the cohort's zone. */
  openRequests: { title: string; decidedOn: Day }[];
  today: Day;
  days: number;
}): RiskFlag | null {
  const overdue = openRequests
    .map((request) => ({ ...request, age: daysBetween(request.decidedOn, today) }))
    .filter((request) => request.age >= days)
    .sort((a, b) => b.age - a.age);
  const oldest = overdue[0];
  if (!oldest) return null;
  return {
    kind: "changes_requested",
    severity: severityOf(oldest.age, days),
    reason:
      overdue.length === 1
        ? `Changes requested on “${oldest.title}” ${oldest.age} days ago, no new attempt`
        : `Changes requested on ${overdue.length} milestones, oldest ${oldest.age} days ago, no new attempt`,
  };
}

/**
 * A phase whose target date (the learner's, extension included) passed `days` or more days ago with milestones still
 * open. The last phase is left out: its target is the learner's deadline, which has its own rule. Names the phase
 * that slipped furthest.
 */
export function phaseSlipped({
  phases,
  today,
  days,
}: {
  /** In roadmap order; `open` counts the phase's milestones not yet complete. */
  phases: readonly { title: string; target: Day; open: number }[];
  today: Day;
  days: number;
}): RiskFlag | null {
  const slipped = phases
    .slice(0, -1)
    .filter((phase) => phase.open > 0)
    .map((phase) => ({ ...phase, late: daysBetween(phase.target, today) }))
    .filter((phase) => phase.late >= days);
  const worst = slipped[0];
  if (!worst) return null;
  const more = slipped.length - 1;
  return {
    kind: "phase_slipped",
    severity: severityOf(worst.late, days),
    reason:
      `Phase “${worst.title}” slipped ${plural(worst.late, "day")}, ${plural(worst.open, "milestone")} open` +
      (more > 0 ? `, and ${plural(more, "later phase")}` : ""),
  };
}

/** The learner's last target date (extension included) is behind them and milestones are still open. */
export function deadlinePassed({
  deadline,
  today,
  completed,
  total,
}: {
  deadline: Day | null;
  today: Day;
  completed: number;
  total: number;
}): RiskFlag | null {
  if (!deadline || today <= deadline || completed >= total) return null;
  return {
    kind: "deadline_passed",
    severity: "at_risk",
    reason: `Deadline passed on ${formatDay(deadline)}: ${completed} of ${plural(total, "milestone")} done`,
  };
}

/** What the rules read about one learner; every day is on the cohort's calendar (its time zone). */
export type RiskInput = {
  today: Day;
  /** The learner's own start date. */
  startDate: Day;
  /** The day the learner joined the cohort, in the cohort's zone. */
  joinedOn: Day;
  /** Every live milestone in roadmap order with its target date. */
  milestones: PaceInput;
  /** Every live phase in roadmap order with its target date and how many of its milestones are still open. */
  phases: readonly { title: string; target: Day; open: number }[];
  deadline: Day | null;
  inactivityDays: number;
  /** Due milestones a learner may be behind before "behind pace" flags them (the cohort's setting). */
  behindPaceBy: number;
  /** Days a change request may wait for a new attempt before it is flagged (the cohort's setting). */
  changesRequestedDays: number;
  /** Days past a phase's target date, milestones still open, before it is flagged (the cohort's setting). */
  phaseSlippedDays: number;
  lastActivityOn: Day | null;
  /** Weeks (their Mondays) with evidence or a completion, at least the last two complete ones. */
  activeWeeks: readonly Day[];
  /** Parts of the weekly rule each recent week's check-in reports, by Monday; a week without one is absent. */
  checkinParts?: ReadonlyMap<Day, number>;
  openRequests: { title: string; decidedOn: Day }[];
};

/** Every rule that fires for one learner: "At risk" flags first, then "Watch", each in the rules' order. */
export function assessRisk(input: RiskInput): RiskFlag[] {
  const total = input.milestones.length;
  const completed = input.milestones.filter((item) => item.complete).length;
  // Someone who finished the roadmap owes no weekly evidence and may rest; open change requests still count.
  const finished = total > 0 && completed >= total;
  const flags = [
    deadlinePassed({ deadline: input.deadline, today: input.today, completed, total }),
    behindPace(input.milestones, input.startDate, input.today, input.behindPaceBy),
    phaseSlipped({ phases: input.phases, today: input.today, days: input.phaseSlippedDays }),
    changesUnanswered({ openRequests: input.openRequests, today: input.today, days: input.changesRequestedDays }),
    finished
      ? null
      : weeklyRuleMissed({ today: input.today, startDate: input.startDate, activeWeeks: input.activeWeeks, checkinParts: input.checkinParts }),
    finished
      ? null
      : inactive({
          lastActivityOn: input.lastActivityOn,
          startDate: input.startDate,
          joinedOn: input.joinedOn,
          today: input.today,
          days: input.inactivityDays,
        }),
  ];
  return flags
    .filter((flag): flag is RiskFlag => flag !== null)
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

/** An active mentor of the cohort or an admin signs off — never their own self-assessment. */
export function canSignOffAssessment(viewer: Pick<Viewer, "id">, access: CohortAccess | null, learnerUserId: string): boolean {
  return access !== null && viewer.id !== learnerUserId;
}

/** Check-in comments are the cohort's mentors' (checkins policy); admins read them without commenting. */
export function canCommentOnLearnerCheckins(access: CohortAccess | null): boolean {
  return access?.as === "mentor";
}
