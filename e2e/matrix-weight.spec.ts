import { expect, test } from "@/e2e/support/fixtures";

// The cohort matrix's weight (docs/performance.md, "Pages and the browser"): a learner row's HTML and its share of
// the page's RSC payload together stay within 2.5 kB (~2.3 kB today). Measured on the production build with the demo
// cohort, as the difference between the whole cohort and one learner. A page of 25 learners stays within 120 kB
// (~112 kB today, of which ~58 kB is the page around the rows), well inside the 150 kB goal.
const ROW_BUDGET_BYTES = 2_500;
const PAGE_OF_25_BUDGET_BYTES = 120_000;
const ONE_LEARNER = "isaac";

test("a learner row of the cohort matrix weighs at most 2.5 kB, and a page of 25 at most 120 kB", async ({ signedInPage }) => {
  const mentor = await signedInPage("mentor", { home: /\/reviews$/ });
  await mentor.goto("/cohorts");
  const cohort = await mentor.getByRole("link", { name: "MLOps Cohort 2027" }).first().getAttribute("href");
  const weigh = async (query: string) => {
    const html = await (await mentor.request.get(`${cohort}${query}`)).text();
    return { bytes: Buffer.byteLength(html), rows: html.match(/<tr data-learner=/g)?.length ?? 0 };
  };
  const all = await weigh("");
  const one = await weigh(`?q=${ONE_LEARNER}`);
  expect(one.rows).toBe(1);
  expect(all.rows).toBeGreaterThan(10);
  const perRow = (all.bytes - one.bytes) / (all.rows - one.rows);
  const pageOf25 = one.bytes + 24 * perRow;
  const figures = `${Math.round(perRow)} bytes per row; ${all.rows} rows weigh ${all.bytes}, one row ${one.bytes}, so 25 would weigh ${Math.round(pageOf25)}`;
  expect(perRow, figures).toBeLessThanOrEqual(ROW_BUDGET_BYTES);
  expect(pageOf25, figures).toBeLessThanOrEqual(PAGE_OF_25_BUDGET_BYTES);
});
