// Pacing: dates are ISO calendar dates (YYYY-MM-DD) so they mean the same day in
// every time zone; "today" is taken in the cohort's time zone.
const DAY_MS = 24 * 3600 * 1000;

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date it is now in an IANA time zone (e.g. "Pacific/Auckland"). */
export function todayInZone(timezone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return toIsoDate(now);
  }
}

export type Pacing = { startDate: string; weeksPerPhase: number; extensionDays: number };

/**
 * Target dates: phase i ends after (i+1) × weeksPerPhase weeks; its milestones are spread
 * evenly over the phase, the last one due on the phase's target. Extensions push every date.
 */
export function targetDates(milestonesPerPhase: number[], pacing: Pacing): { phases: string[]; milestones: string[][] } {
  const phaseDays = pacing.weeksPerPhase * 7;
  const phases: string[] = [];
  const milestones: string[][] = [];
  milestonesPerPhase.forEach((count, index) => {
    const phaseStart = index * phaseDays;
    phases.push(addDays(pacing.startDate, phaseStart + phaseDays - 1 + pacing.extensionDays));
    milestones.push(
      Array.from({ length: count }, (_, position) =>
        addDays(pacing.startDate, phaseStart + Math.ceil(((position + 1) * phaseDays) / count) - 1 + pacing.extensionDays),
      ),
    );
  });
  return { phases, milestones };
}

export type PaceInput = { target: string; complete: boolean }[];

export type Pace = {
  /** Milestones whose target date has passed (today included). */
  expected: number;
  completed: number;
  onPace: boolean;
  /** When the learner will finish at their own pace so far; null before any completion or once finished. */
  forecast: string | null;
};

export function pace(items: PaceInput, startDate: string, today: string): Pace {
  const expected = items.filter((item) => item.target <= today).length;
  const completed = items.filter((item) => item.complete).length;
  const remaining = items.length - completed;
  const elapsed = Math.max(1, daysBetween(startDate, today) + 1);
  const forecast = completed > 0 && remaining > 0 ? addDays(today, Math.ceil(remaining / (completed / elapsed))) : null;
  return { expected, completed, onPace: completed >= expected, forecast };
}

const dayFormat = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Jan 10, 2027" for an ISO date, the same on the server and in every browser. */
export function formatDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
