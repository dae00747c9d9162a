const DAY_MS = 24 * 3600 * 1000;

/** Target date of phase `index` (0-based): the end of its slice of the cohort's pacing, plus any extension. */
export function phaseTargetDate(startDate: Date, index: number, weeksPerPhase: number, extensionDays: number): string {
  const days = (index + 1) * weeksPerPhase * 7 + extensionDays - 1;
  return new Date(startDate.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
