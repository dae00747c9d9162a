import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";

// Insights on the demo data, as each role reaches them: the mentor's cohort health and roadmap friction, the learner's
// own progress, and the admin's friction across cohorts with the roadmap export that carries it. Reads only.
const COHORT = "MLOps Cohort 2027";

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download: Promise<Download> = page.waitForEvent("download");
  await click();
  const file = await download;
  // CSV files start with a byte-order mark so spreadsheets read them as UTF-8.
  return { name: file.suggestedFilename(), text: (await readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, "") };
}

test("a mentor reads the cohort's health and where the roadmap makes it stall", async ({ signIn }) => {
  const page = await signIn("mentor");
  await page.goto("/cohorts");
  await page.getByRole("main").getByRole("link", { name: COHORT, exact: true }).click();
  await page.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/cohorts\/[0-9a-f-]{36}\/insights$/);
  const cohortPath = new URL(page.url()).pathname.replace(/\/insights$/, "");

  // Four charts, each an image with words for what it shows, and the same figures as a table.
  for (const title of ["Cumulative flow", "Pace against plan", "Review wait", "Check-in streaks"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure.getByRole("img")).toHaveAccessibleName(/.{40,}/);
    await figure.getByText("Show as table").click();
    await expect(figure.getByRole("table")).toBeVisible();
    await expect(figure.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  }
  await expect(page.getByRole("figure", { name: "Pace against plan" }).getByText(/^The median learner has \d/)).toBeVisible();

  const flow = await downloadText(page, () => page.getByRole("link", { name: "CSV of cumulative flow" }).click());
  expect(flow.name).toMatch(/\.csv$/);
  expect(flow.text.split("\n")[0]).toMatch(/^Week,Not started \(milestones\),In progress \(milestones\),Submitted/);

  // Roadmap friction: sort by who stalled, the sort is announced, and the CSV has a row per milestone.
  const friction = page.getByRole("table", { name: /Roadmap friction per milestone/ });
  await friction.getByRole("link", { name: "Stalled there" }).click();
  await expect(page).toHaveURL(/sort=stalled/);
  await expect(friction.getByRole("columnheader", { name: "Stalled there" })).toHaveAttribute("aria-sort", "descending");
  await expect(friction.getByText("Most friction").first()).toBeVisible();
  // A mentor cannot edit the roadmap: milestones are not links to the editor.
  await expect(friction.getByRole("link", { name: /Python/ })).toHaveCount(0);
  const csv = await page.request.get(`${cohortPath}/insights/csv/friction`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).replace(/^\uFEFF/, "").split("\n")[0]).toMatch(/^Code,Milestone,Phase,/);

  // A learner's page shows their burn-up to the mentor.
  await page.goto(cohortPath);
  await page.getByRole("main").locator(`a[href^="${cohortPath}/learners/"]`).first().click();
  await expect(page.getByRole("figure", { name: "Milestones against the schedule" })).toBeVisible();
});

test("a learner sees their own progress, and nobody else's", async ({ signIn }) => {
  const page = await signIn("learner");
  await page.getByRole("navigation").getByRole("link", { name: "My progress" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  await expect(page.getByText("Forecast finish")).toBeVisible();
  const burnup = page.getByRole("figure", { name: "Milestones against the schedule" });
  await expect(burnup.getByRole("img")).toHaveAccessibleName(/complete; the schedule expects \d+/);
  await expect(page.getByRole("figure", { name: "Hours planned and logged" })).toBeVisible();
  const csv = await downloadText(page, () => page.getByRole("link", { name: "CSV of milestones against the schedule" }).click());
  expect(csv.text.split("\n")[0]).toMatch(/^Week,/);

  // The cohort's insights are its mentors': the same 404 as an unknown page.
  const mentorOnly = await page.request.get("/cohorts");
  expect(mentorOnly.status()).toBe(404);
});

test("an admin finds friction across cohorts and exports it as roadmap notes", async ({ signIn }) => {
  const page = await signIn("admin", { home: /\/admin$/ });
  await page.goto("/admin/roadmaps");
  await page.getByRole("main").getByRole("link", { name: /MLOps Roadmap 2026/ }).click();
  await page.getByRole("main").getByRole("link", { name: /^Friction in version \d+$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Friction in version \d+$/ })).toBeVisible();
  // Other journeys may have added cohorts on this version: the count is whatever the instance holds.
  await expect(page.getByText(/learners? in \d+ cohorts? on this version/)).toBeVisible();

  const exported = await downloadText(page, () => page.getByRole("link", { name: "Export with friction notes" }).click());
  const parsed = parseRoadmapMarkdown(exported.text);
  expect(parsed.ok).toBe(true);
  expect(exported.text).toMatch(/^## Friction$/m);

  // Every milestone opens in the editor.
  const table = page.getByRole("table", { name: /Roadmap friction per milestone/ });
  await table.getByRole("rowheader").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/roadmaps\/[0-9a-f-]{36}\/versions\/\d+/);
});
