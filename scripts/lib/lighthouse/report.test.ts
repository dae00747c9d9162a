// What `npm run lighthouse` reports: each figure's median over the runs, the scores that miss their target, and
// what costs the most as Lighthouse's result names it.
import type { Result } from "lighthouse";
import { describe, expect, it } from "vitest";
import { costsOf, figuresOf, markdownTable, medianFigures, misses, pageReport, type Figures, type PageReport } from "@/scripts/lib/lighthouse/report";

const figures = (overrides: Partial<Figures>): Figures => ({
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  lcp: 1500,
  tbt: 50,
  cls: 0,
  ...overrides,
});

function page(name: string, median: Figures): PageReport {
  return { name, path: "/", runs: [median], median, costs: { scripts: [], failing: [] }, lcpElement: null, warnings: [] };
}

/** The parts of a Lighthouse result the report reads. */
function lhr(): Result {
  const audit = (id: string, title: string, score: number | null, extra: object = {}) => ({ id, title, score, ...extra });
  return {
    categories: {
      performance: { score: 0.874, auditRefs: [] },
      accessibility: {
        score: 0.96,
        auditRefs: [
          { id: "color-contrast", weight: 7 },
          { id: "image-alt", weight: 10 },
          { id: "aria-allowed-role", weight: 0 },
        ],
      },
      "best-practices": { score: 1, auditRefs: [{ id: "errors-in-console", weight: 1 }] },
    },
    audits: {
      "largest-contentful-paint": audit("largest-contentful-paint", "LCP", 0.8, { numericValue: 2345.6 }),
      "total-blocking-time": audit("total-blocking-time", "TBT", 0.9, { numericValue: 180 }),
      "cumulative-layout-shift": audit("cumulative-layout-shift", "CLS", 1, { numericValue: 0.012 }),
      "bootup-time": audit("bootup-time", "JS execution", 0.5, {
        details: {
          type: "table",
          items: [
            { url: "http://127.0.0.1:3000/_next/static/chunks/a.js", scripting: 120.4 },
            { url: "http://127.0.0.1:3000/_next/static/chunks/b.js", scripting: 480.2 },
            { url: "Unattributable", total: 10 },
          ],
        },
      }),
      "color-contrast": audit("color-contrast", "Background and foreground colors have enough contrast", 0),
      "image-alt": audit("image-alt", "Images have alt text", 1),
      "aria-allowed-role": audit("aria-allowed-role", "Roles are allowed", 0),
      "errors-in-console": audit("errors-in-console", "No browser errors in the console", null),
    },
  } as unknown as Result;
}

describe("Lighthouse report", () => {
  it("reads scores as 0–100 and the three web vitals", () => {
    expect(figuresOf(lhr())).toEqual({ performance: 87, accessibility: 96, bestPractices: 100, lcp: 2345.6, tbt: 180, cls: 0.012 });
  });

  it("names the scripts that keep the main thread busy and the weighted audits that fail", () => {
    expect(costsOf(lhr())).toEqual({
      scripts: [
        { url: "http://127.0.0.1:3000/_next/static/chunks/b.js", scriptingMs: 480 },
        { url: "http://127.0.0.1:3000/_next/static/chunks/a.js", scriptingMs: 120 },
      ],
      failing: [{ category: "accessibility", id: "color-contrast", title: "Background and foreground colors have enough contrast" }],
    });
  });

  it("takes each figure's median on its own, and the costs of the median run by performance", () => {
    const run = (performance: number, tbt: number, url: string, warnings: string[]) => ({
      figures: figures({ performance, tbt }),
      costs: { scripts: [{ url, scriptingMs: tbt }], failing: [] },
      warnings,
    });
    const report = pageReport({ name: "review queue", path: "/reviews", lcpElement: "<h1>" }, [
      run(70, 900, "slow.js", ["The CPU was busy."]),
      run(92, 100, "fast.js", []),
      run(88, 150, "middle.js", ["The CPU was busy."]),
    ]);
    expect(report.median).toMatchObject({ performance: 88, tbt: 150 });
    expect(report.costs.scripts).toEqual([{ url: "middle.js", scriptingMs: 150 }]);
    expect(report.warnings).toEqual(["The CPU was busy."]);
    expect(report.runs.map((figures) => figures.performance)).toEqual([70, 92, 88]);
    expect(() => medianFigures([])).toThrow(/No Lighthouse run/);
  });

  it("holds the cohort matrix to its own performance target and every page to 100 for accessibility", () => {
    const reports = [
      page("cohort matrix", figures({ performance: 82 })),
      page("review queue", figures({ performance: 82, accessibility: 98, bestPractices: 93 })),
    ];
    expect(misses(reports)).toEqual(["review queue: performance 82 < 90", "review queue: accessibility 98 < 100", "review queue: best practices 93 < 95"]);
    const table = markdownTable(reports);
    expect(table).toContain("| cohort matrix | 82 | 100 | 100 | 1.5 s | 50 ms | 0.000 |");
    expect(table).toContain("| review queue | 82 ✗ | 98 ✗ | 93 ✗ |");
  });
});
