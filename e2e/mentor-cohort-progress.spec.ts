import { expect, test } from "@/e2e/support/fixtures";

// A mentor looks at the demo cohort's "Progress" matrix, filters a phase, finds a learner, opens their page from
// a cell, and signs off a success criterion the learner assessed. Uses a demo learner no other journey touches.
const LEARNER = { email: "isaac.mensah@example.com", name: "Isaac Mensah" };
const COHORT = "MLOps Cohort 2027";

test("mentor reads the cohort's progress and signs off a criterion", async ({ page, signIn, signedInPage }) => {
  test.setTimeout(90_000);

  // The learner assesses their first success criterion.
  const learnerPage = await signedInPage(LEARNER.email);
  await learnerPage.goto("/roadmap");
  // Each criterion is one line that opens to its form; the form's fields are grouped under the criterion's text.
  const first = learnerPage.getByRole("region", { name: "Success criteria" }).getByRole("listitem").first();
  const criterion = (await first.locator("summary > span").first().textContent()) ?? "";
  await first.getByText("Not answered yet", { exact: true }).click();
  const answer = learnerPage.getByRole("group", { name: criterion });
  await answer.getByLabel("Where you are").selectOption("confident");
  await answer.getByLabel("Why").fill("I rebuilt last week's run from a fresh clone in ten minutes.");
  await answer.getByRole("button", { name: "Save self-assessment" }).click();
  await expect(learnerPage.getByText("Self-assessment saved.", { exact: true })).toBeVisible();
  await expect(first.locator("summary")).toContainText("Your answer: Confident");
  await learnerPage.context().close();

  await signIn("mentor");
  await page.goto("/cohorts");
  await page.getByRole("link", { name: COHORT }).click();
  await expect(page.getByRole("heading", { level: 1, name: COHORT })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Progress" })).toBeVisible();
  const grid = page.getByRole("grid", { name: "Progress" });
  await expect(grid.locator("tbody").getByRole("rowheader")).toHaveCount(13);
  await expect(page.getByRole("list", { name: "Legend" }).getByText("Changes requested")).toBeVisible();

  // A learner at risk: the reasons are in the badge's name, and show beside it on hover and on keyboard focus until
  // Escape dismisses them.
  const risk = grid.getByRole("button", { name: /^At risk/ }).first();
  const reason = (await risk.locator("[data-reason]").first().textContent())!;
  await expect(risk).toHaveAccessibleName(new RegExp(`: .*${reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`));
  const shownReason = page.getByText(reason, { exact: true }).and(page.locator("li"));
  await risk.hover();
  await expect(shownReason).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(shownReason).toHaveCount(0);
  await risk.focus();
  await expect(shownReason).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(shownReason).toHaveCount(0);
  // The learner's page gives each reason with a suggested next step.
  const atRiskRow = grid.locator("tbody tr").filter({ has: page.getByRole("button", { name: /^At risk/ }) }).first();
  await atRiskRow.getByRole("rowheader").getByRole("link").click();
  await expect(page.locator("[data-risk]").getByText(reason, { exact: true })).toBeVisible();
  await expect(page.locator("[data-risk]").getByText(/^Next step: /).first()).toBeVisible();
  await page.goBack();

  // Filter to one phase: only its columns remain, and the URL carries the filter (it works without JavaScript too).
  await page.getByLabel("Phase", { exact: true }).selectOption({ label: "2. Production habits" });
  await expect(page).toHaveURL(/phase=production-habits/);
  await expect(grid.getByRole("columnheader", { name: /Production habits/ })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /Core foundations/ })).toHaveCount(0);
  // The portfolio projects are a column group of their own, P1 to P5.
  await page.getByLabel("Phase", { exact: true }).selectOption({ label: "Portfolio projects" });
  await expect(page).toHaveURL(/phase=projects/);
  await expect(grid.getByRole("columnheader", { name: "Portfolio projects" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /^P1 Batch training pipeline/ })).toBeVisible();
  await expect(grid.locator("thead th[data-key]")).toHaveCount(5);
  await page.getByLabel("Phase", { exact: true }).selectOption({ label: "2. Production habits" });
  await expect(page).toHaveURL(/phase=production-habits/);

  // Search by name, then open the learner's milestone from its cell.
  await page.getByLabel("Search learners").fill("isaac");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(grid.locator("tbody").getByRole("rowheader")).toHaveCount(1);
  // Keyboard: the cells are one Tab stop; arrow keys move between them. A cell's name is its status; the learner
  // and the milestone are its row and column headers.
  const cells = grid.getByRole("row", { name: new RegExp(LEARNER.name) }).getByRole("gridcell", { name: /^(Not started|In progress|Submitted|Changes requested|Approved|Done)$/ });
  await cells.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(cells.nth(1)).toBeFocused();
  await expect(cells.nth(1)).toHaveAttribute("tabindex", "0");
  await expect(cells.first()).toHaveAttribute("tabindex", "-1");
  await cells.first().hover();
  // A milestone header's accessible name is its code and title ("1.1 The principles behind MLOps").
  const title = (await grid.locator("thead th[data-key]").first().getAttribute("aria-label"))!.replace(/^\S+ /, "");
  await expect(page.getByText(`${LEARNER.name} — ${title}: `)).toBeVisible();
  await cells.first().click();
  await expect(page).toHaveURL(/\/learners\/[0-9a-f-]{36}#m-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: LEARNER.name })).toBeVisible();
  await expect(page.locator("li[data-highlighted]")).toContainText(title);
  await expect(page.locator("li[data-highlighted]")).toBeFocused();

  // Sign off the criterion the learner just assessed.
  await page.getByRole("button", { name: `Sign off: ${criterion}` }).click();
  await expect(page.getByText("Signed off", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Signed off by Morgan Reyes on /)).toBeVisible();

  // Both exports download as CSV.
  const cohortUrl = new URL(page.url()).pathname.replace(/\/learners\/.*$/, "");
  for (const kind of ["progress", "reviews"]) {
    const response = await page.request.get(`${cohortUrl}/export/${kind}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
  }
});
