// Figures of a Lighthouse run (`npm run lighthouse`): per page the median of its runs, checked against the targets
// in docs/performance.md, and what Lighthouse says costs the most, as numbers for the JSON file and as Markdown.
import type { Result } from "lighthouse";
import { percentile } from "@/scripts/lib/load/report";

export type Figures = {
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Largest Contentful Paint and Total Blocking Time in ms, Cumulative Layout Shift unitless. */
  lcp: number;
  tbt: number;
  cls: number;
};

export type Costs = {
  /** Scripts by main-thread scripting time (ms), most first: where Total Blocking Time comes from. */
  scripts: { url: string; scriptingMs: number }[];
  /** Audits of the accessibility and best-practices categories that did not pass. */
  failing: { category: string; id: string; title: string }[];
};

export type PageReport = {
  name: string;
  path: string;
  runs: Figures[];
  median: Figures;
  costs: Costs;
  /** The largest contentful paint element as Chromium reports it on a phone-sized screen (see scripts/lighthouse.ts). */
  lcpElement: string | null;
  /** Lighthouse's own warnings about the runs (a slow or busy CPU, for one). */
  warnings: string[];
};

/** What Cairn aims for (docs/performance.md, "Lighthouse"); the cohort matrix is the one dense page. */
export const TARGETS = { performance: 90, matrixPerformance: 80, accessibility: 100, bestPractices: 95 } as const;

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

export function figuresOf(lhr: Result): Figures {
  return {
    performance: score(lhr.categories.performance?.score),
    accessibility: score(lhr.categories.accessibility?.score),
    bestPractices: score(lhr.categories["best-practices"]?.score),
    lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
    tbt: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0,
  };
}

export function costsOf(lhr: Result, scripts = 3): Costs {
  const bootup = lhr.audits["bootup-time"]?.details;
  const items = bootup && "items" in bootup ? (bootup.items as { url?: unknown; scripting?: unknown }[]) : [];
  const failing = (["accessibility", "best-practices"] as const).flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
      .map((audit) => ({ category, id: audit!.id, title: audit!.title })),
  );
  return {
    scripts: items
      .filter((item) => typeof item.url === "string" && typeof item.scripting === "number")
      .map((item) => ({ url: item.url as string, scriptingMs: Math.round(item.scripting as number) }))
      .sort((a, b) => b.scriptingMs - a.scriptingMs)
      .slice(0, scripts),
    failing,
  };
}

/** Each figure's median over the runs, taken on its own (the middle run for three). */
export function medianFigures(runs: Figures[]): Figures {
  if (runs.length === 0) throw new Error("No Lighthouse run to take a median of.");
  const median = (key: keyof Figures) => percentile(runs.map((run) => run[key]).sort((a, b) => a - b), 50);
  return {
    performance: median("performance"),
    accessibility: median("accessibility"),
    bestPractices: median("bestPractices"),
    lcp: median("lcp"),
    tbt: median("tbt"),
    cls: median("cls"),
  };
}

/** What one Lighthouse run of a page gave. */
export type Measured = { figures: Figures; costs: Costs; warnings: string[] };

/** A page's runs summed up: the medians, and the costs of the run whose performance score is the median. */
export function pageReport(page: { name: string; path: string; lcpElement: string | null }, results: Measured[]): PageReport {
  const runs = results.map((result) => result.figures);
  const median = medianFigures(runs);
  const medianRun = results.find((result) => result.figures.performance === median.performance) ?? results[0]!;
  return { ...page, runs, median, costs: medianRun.costs, warnings: [...new Set(results.flatMap((result) => result.warnings))] };
}

export function performanceTarget(pageName: string): number {
  return pageName === "cohort matrix" ? TARGETS.matrixPerformance : TARGETS.performance;
}

/** The pages' scores that miss their target, e.g. "cohort matrix: performance 72 < 80". */
export function misses(pages: PageReport[]): string[] {
  return pages.flatMap(({ name, median }) =>
    [
      ["performance", median.performance, performanceTarget(name)] as const,
      ["accessibility", median.accessibility, TARGETS.accessibility] as const,
      ["best practices", median.bestPractices, TARGETS.bestPractices] as const,
    ]
      .filter(([, value, target]) => value < target)
      .map(([label, value, target]) => `${name}: ${label} ${value} < ${target}`),
  );
}

const mark = (value: number, target: number) => `${value}${value >= target ? "" : " ✗"}`;

export function markdownTable(pages: PageReport[]): string {
  const header = [
    `| page | performance (≥ ${TARGETS.performance}, matrix ≥ ${TARGETS.matrixPerformance}) | accessibility (${TARGETS.accessibility}) | best practices (≥ ${TARGETS.bestPractices}) | LCP | TBT | CLS |`,
    "|---|---|---|---|---|---|---|",
  ];
  const rows = pages.map(
    ({ name, median }) =>
      `| ${name} | ${mark(median.performance, performanceTarget(name))} | ${mark(median.accessibility, TARGETS.accessibility)} | ` +
      `${mark(median.bestPractices, TARGETS.bestPractices)} | ${(median.lcp / 1000).toFixed(1)} s | ${Math.round(median.tbt)} ms | ${median.cls.toFixed(3)} |`,
  );
  return [...header, ...rows].join("\n");
}

export function costsList(pages: PageReport[]): string {
  return pages
    .map(({ name, costs, lcpElement, warnings }) => {
      const scripts = costs.scripts.map((script) => `${script.url.replace(/^https?:\/\/[^/]+/, "")} ${script.scriptingMs} ms`).join(", ");
      const failing = costs.failing.map((audit) => `${audit.category}: ${audit.title} (${audit.id})`).join("; ");
      return [
        `- **${name}** — LCP element: ${lcpElement ?? "none found"}`,
        `  - scripting on the main thread: ${scripts || "none measured"}`,
        failing ? `  - not passing: ${failing}` : "",
        ...warnings.map((warning) => `  - Lighthouse warned: ${warning}`),
      ]
        .filter(Boolean)
        .join("\n");
    })
    .join("\n");
}
