// The benchmark's arithmetic, kept pure so it is unit-tested: counting a page's elements, summarizing rounds,
// ratios between targets, and a process's CPU time from /proc.
import { median, percentile } from "@/scripts/lib/load/report";

/**
 * Elements of an HTML document's body as the browser would build them from the markup: every start tag between
 * `<body` and `</body>` (the body itself included), except `<script>` elements, whose content is dropped first (Next
 * inlines its RSC payload in scripts, and a `<` inside one is not an element). Comments are dropped too.
 */
export function countElements(html: string): number {
  const start = html.search(/<body[\s>]/i);
  const end = html.lastIndexOf("</body>");
  const body = html.slice(start < 0 ? 0 : start, end < 0 ? html.length : end);
  const stripped = body.replace(/<!--[\s\S]*?-->/g, "").replace(/<script\b[\s\S]*?<\/script>/gi, "");
  return stripped.match(/<[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>])/g)?.length ?? 0;
}

export type Spread = { median: number; min: number; max: number };

export function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Cairn's figure over a baseline's, per round (rounds interleave the targets, so round r of each ran under the same
 * conditions), summarized as median, min and max of those per-round ratios.
 */
export function ratioSpread(cairn: number[], baseline: number[]): Spread {
  const ratios = cairn.map((value, round) => value / baseline[round]!).filter((ratio) => Number.isFinite(ratio));
  return ratios.length === 0 ? { median: Number.NaN, min: Number.NaN, max: Number.NaN } : spread(ratios);
}

/**
 * User plus system CPU time of a process in clock ticks, from the text of /proc/<pid>/stat: fields 14 and 15 (utime,
 * stime). The command name (field 2) is in parentheses and may contain spaces, so fields are counted after its ")".
 */
export function cpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After ")" the fields start at 3 (state): utime is field 14, stime field 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`Cannot read CPU times from: ${stat.slice(0, 80)}`);
  return utime + stime;
}

/** CPU milliseconds per request from two tick readings. */
export function cpuMsPerRequest(before: number, after: number, requests: number, ticksPerSecond: number): number {
  return requests === 0 ? Number.NaN : ((after - before) * 1000) / ticksPerSecond / requests;
}

/** Nearest-rank percentile of unsorted values. */
export function percentileOf(values: number[], p: number): number {
  return percentile([...values].sort((a, b) => a - b), p);
}

/** Elements of B_render's body with no rows and no padding (render-pages.tsx). */
export const BASE_ELEMENTS = 11;

/**
 * The row shape and padding that bring B_render's element count to Cairn's: as many elements per row as fit
 * (at least one, the row itself), the rest as padding. Many rows on a small page can overshoot the target.
 */
export function calibrate(target: number, rows: number): { perRow: number; padding: number } {
  const room = Math.max(0, target - BASE_ELEMENTS);
  if (rows === 0) return { perRow: 1, padding: room };
  const perRow = Math.max(1, Math.floor(room / rows));
  return { perRow, padding: Math.max(0, room - perRow * rows) };
}
