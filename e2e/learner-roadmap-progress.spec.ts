import { expect, test } from "@/e2e/support/fixtures";
import type { Locator, Page } from "@playwright/test";

// A learner's roadmap keeps its figures true as they tick: the phase's progress, the overall progress, the pace line
// and "Next up" change with the tick itself (the page is re-rendered on the server only once ticking settles), a
// reload shows the same, and so does going back to the roadmap right after a tick. Uses a demo learner of its own and
// leaves their roadmap as it found it.
const EMAIL = "dalia.haddad@example.com";

type Figures = { overall: string; phase: string; pace: string; nextUp: string };

async function figures(page: Page, phase: Locator): Promise<Figures> {
  const nextUp = page.getByRole("heading", { name: "Next up" }).locator("xpath=..");
  return {
    overall: (await page.getByRole("progressbar", { name: "Overall progress" }).getAttribute("aria-valuetext"))!,
    phase: (await phase.getByRole("progressbar").getAttribute("aria-valuetext"))!,
    pace: /you have completed \d+\./.exec((await page.getByText(/you have completed \d+\./).textContent())!)![0],
    nextUp: (await nextUp.locator("p").first().textContent())!,
  };
}

async function expectFigures(page: Page, phase: Locator, expected: Figures) {
  const nextUp = page.getByRole("heading", { name: "Next up" }).locator("xpath=..");
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuetext", expected.overall);
  await expect(phase.getByRole("progressbar")).toHaveAttribute("aria-valuetext", expected.phase);
  await expect(page.getByText(expected.pace, { exact: false })).toBeVisible();
  await expect(nextUp.locator("p").first()).toHaveText(expected.nextUp);
}

/** "3 of 20 milestones" → "2 of 20 milestones" for delta -1. */
function shifted(text: string, delta: number) {
  return text.replace(/^\d+/, (count) => String(Number(count) + delta));
}

test("learner sees their progress follow each tick", async ({ page, signIn }) => {
  test.setTimeout(60_000);
  await signIn(EMAIL, { home: /\/roadmap$/ });

  // Un-tick the first milestone marked done: it becomes the next thing to pick up if nothing before it is open.
  const untick = page.getByRole("button", { name: /^Mark as not done: / }).first();
  const title = (await untick.getAttribute("aria-label"))!.replace("Mark as not done: ", "");
  const row = page.getByRole("listitem", { name: title, exact: true });
  const phase = page.getByRole("region").filter({ has: row });
  const before = await figures(page, phase);
  const order = await page.locator("li[data-milestone-key]").evaluateAll((rows) => rows.map((li) => li.getAttribute("aria-label")));
  const nextUpAfter = before.nextUp && order.indexOf(before.nextUp) < order.indexOf(title) ? before.nextUp : title;
  const after: Figures = {
    overall: shifted(before.overall, -1),
    phase: shifted(before.phase, -1),
    pace: before.pace.replace(/you have completed (\d+)\./, (_, n: string) => `you have completed ${Number(n) - 1}.`),
    nextUp: nextUpAfter,
  };
  expect(after.overall).not.toBe(before.overall);

  await untick.click();
  await expect(row.getByText(/^(Not started|In progress)$/)).toBeVisible();
  await expectFigures(page, phase, after);
  await page.reload();
  await expectFigures(page, phase, after);

  // Tick it again and go straight to a milestone and back, before the roadmap is re-rendered: it still shows the tick.
  await row.getByRole("button", { name: `Mark as done: ${title}` }).click();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
  await row.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goBack();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
  await page.reload();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
});
