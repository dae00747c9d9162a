// The arithmetic of Cairn's charts, kept apart from markup so it can be tested on its own. Charts draw in a
// 100 × 100 box stretched to the plot's size (components/charts/plot.tsx), so positions here are percentages,
// rounded to hundredths: finer than a pixel on any screen, and a long chart's markup stays short.

const round = (value: number) => Math.round(value * 100) / 100;

/** The smallest "round" number (1, 2 or 5 × a power of ten) at or above `value`; 1 for nothing to show. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Whether `step` is 1, 2, 2.5 or 5 times a power of ten: a step people count in. */
function isRoundStep(step: number): boolean {
  const magnitude = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((base) => Math.abs(step - base * magnitude) < magnitude * 1e-9);
}

const INTERVALS = [4, 5, 3, 6, 2];

/**
 * Evenly spaced axis values from 0 to `max` inclusive: four intervals if their step is round, else five, three, six
 * or two (30 → 0, 10, 20, 30; 500 → steps of 100). A whole axis never gets fractions: up to 8 it counts in ones,
 * and a top no round step fits (33 milestones) is split into whole steps (11), or left as 0 and the top.
 */
export function ticks(max: number): number[] {
  const whole = Number.isInteger(max);
  const round = INTERVALS.find((count) => isRoundStep(max / count) && (!whole || Number.isInteger(max / count)));
  const intervals =
    whole && max <= 8 ? Math.max(1, max) : (round ?? (whole ? (INTERVALS.find((count) => max % count === 0) ?? 1) : 4));
  return Array.from({ length: intervals + 1 }, (_, index) => (max * index) / intervals);
}

/** The centre of category `index` of `count`, as a percentage of the width. */
export function slotCentre(index: number, count: number): number {
  return round(((index + 0.5) / count) * 100);
}

/** How far up the plot `value` sits, as a percentage of the height measured from the top (SVG's direction). */
export function heightOf(value: number, max: number): number {
  return round(100 - (Math.min(Math.max(value, 0), max) / max) * 100);
}

/**
 * The points of a line as SVG `points` strings, one per unbroken run: a null value (a week not reached yet, a week
 * without data) breaks the line rather than dropping it to zero.
 */
export function lineRuns(values: readonly (number | null)[], max: number): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run.join(" "));
      run = [];
      return;
    }
    run.push(`${slotCentre(index, values.length)},${heightOf(value, max)}`);
  });
  if (run.length > 0) runs.push(run.join(" "));
  return runs;
}

/** The outline of the area between two lines, as SVG `points`: along `upper`, back along `lower`. */
export function areaBetween(lower: readonly number[], upper: readonly number[], max: number): string {
  const along = upper.map((value, index) => `${slotCentre(index, upper.length)},${heightOf(value, max)}`);
  const back = lower.map((value, index) => `${slotCentre(index, lower.length)},${heightOf(value, max)}`).reverse();
  return [...along, ...back].join(" ");
}

/** Running totals of stacked layers, bottom layer first: layer k's lower edge is the sum of layers below it. */
export function stack(layers: readonly (readonly number[])[]): { lower: number[]; upper: number[] }[] {
  const length = layers[0]?.length ?? 0;
  let below = Array.from({ length }, () => 0);
  return layers.map((layer) => {
    const upper = below.map((sum, index) => sum + (layer[index] ?? 0));
    const result = { lower: below, upper };
    below = upper;
    return result;
  });
}

/** Which category labels to print: every `step`-th so that about `room` fit, always the last. */
export function labelStep(count: number, room: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, room)));
}

/** A value for an axis or a tooltip: whole numbers as they are, others with one decimal. */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
