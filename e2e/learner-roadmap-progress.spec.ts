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

/** Opens every phase that was finished when the roadmap was drawn and so shows as one line. */
async function openFinishedPhases(page: Page) {
  await page.locator("li[data-milestone-key]").first().waitFor({ state: "attached" });
  const folded = page.locator("details:not([open])").filter({ has: page.locator("li[data-milestone-key]") });
  while ((await folded.count()) > 0) await folded.first().locator("summary").click();
}

/** "3 of 20 milestones" → "2 of 20 milestones" for delta -1. */
function shifted(text: string, delta: number) {
  return text.replace(/^\d+/, (count) => String(Number(count) + delta));
}

test("learner sees their progress follow each tick", async ({ page, signIn }) => {
  test.setTimeout(60_000);
  await signIn(EMAIL, { home: /\/roadmap$/ });

  // Un-tick the first milestone marked done: it becomes the next thing to pick up if nothing before it is open.
  await openFinishedPhases(page);
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
  // The button is busy until the server has stored the change; only then is a reload sure to find it.
  await expect(row.getByRole("button", { name: `Mark as done: ${title}` })).toBeEnabled();
  await page.reload();
  await expectFigures(page, phase, after);

  // Tick it again and go straight to a milestone and back, before the roadmap is re-rendered: it still shows the tick.
  await row.getByRole("button", { name: `Mark as done: ${title}` }).click();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
  await row.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goBack();
  await openFinishedPhases(page);
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
  await page.reload();
  await openFinishedPhases(page);
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expectFigures(page, phase, before);
});

test("learner reads their roadmap at a glance and moves through it by keyboard", async ({ page, signIn }) => {
  test.setTimeout(60_000);
  // Reads only. Jonas Becker is the demo's learner far behind pace (six weeks in, under half the pace): his first
  // phase is finished and several milestones are past their target day, whatever day the demo was seeded.
  await signIn("jonas.becker@example.com", { home: /\/roadmap$/ });

  // A finished phase is one line ("Done" and its count) and opens on demand.
  const finished = page.locator("details").filter({ has: page.locator("summary", { hasText: /Done/ }) }).first();
  const summary = finished.locator("summary");
  await expect(summary).toContainText(/(\d+) of \1 milestones/);
  const firstRow = finished.locator("li[data-milestone-key]").first();
  await expect(firstRow).toBeHidden();
  await summary.click();
  await expect(firstRow).toBeVisible();
  await summary.click();
  await expect(firstRow).toBeHidden();

  // A milestone past its target day that is still the learner's to do says so in words; waiting for review is not overdue.
  const overdue = page.locator("li[data-milestone-key]").filter({ hasText: "Overdue" });
  await expect(overdue.first()).toBeVisible();
  for (const row of await overdue.all()) await expect(row.getByText(/^(Done|Approved|Submitted)$/)).toHaveCount(0);

  // j selects the first milestone (opening its folded phase); Enter opens it.
  await page.keyboard.press("j");
  await expect(firstRow).toBeFocused();
  await expect(firstRow).toBeVisible();
  const title = (await firstRow.getAttribute("aria-label"))!;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "MLOps Roadmap 2026" })).toBeVisible();

  // ? lists the roadmap's shortcuts.
  await page.keyboard.press("j");
  await expect(firstRow).toBeFocused();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByText("Open the selected milestone")).toBeVisible();
  await expect(shortcuts.getByText("Mark the selected milestone done, or not done")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  // x on a milestone that goes through review is refused in words (the server's policy), and its status stays.
  const reviewed = page
    .locator("li[data-milestone-key]")
    .filter({ has: page.getByRole("link", { name: /^Submit evidence:/ }) })
    .first();
  const status = (await reviewed.locator("[data-status]").getAttribute("data-status"))!;
  await reviewed.focus();
  await page.keyboard.press("x");
  await expect(page.getByText("This milestone needs a mentor's review: submit evidence instead of marking it done.", { exact: true })).toBeVisible();
  await expect(reviewed.locator("[data-status]")).toHaveAttribute("data-status", status);

  // Typing in a field never fires a shortcut.
  const criteria = page.getByRole("region", { name: "Success criteria" });
  await criteria.locator("summary").first().click();
  const why = criteria.getByLabel("Why").first();
  await why.fill("");
  await why.pressSequentially("j?");
  await expect(why).toHaveValue("j?");
  await expect(why).toBeFocused();
  await expect(shortcuts).toHaveCount(0);
});

test("on a phone the milestone page folds its conversation and notes under the milestone", async ({ page, signIn }) => {
  await signIn("learner", { home: /\/roadmap$/ });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/roadmap/onnx-portability");
  await expect(page.getByRole("heading", { level: 1, name: "Portable models with ONNX" })).toBeVisible();
  const conversation = page.getByText(/^Conversation \(\d+\)$/);
  await expect(conversation).toBeVisible();
  await expect(page.getByLabel("Message to your mentors")).toBeHidden();
  await expect(page.locator("summary").filter({ hasText: /^Private notes( \(\d+\))?$/ })).toBeVisible();
  await expect(page.getByLabel("New private note")).toBeHidden();
  await conversation.click();
  await expect(page.getByLabel("Message to your mentors")).toBeVisible();

  // From lg up there is room beside the milestone: both are open, with their headings.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole("heading", { level: 2, name: "Private notes" })).toBeVisible();
  await expect(page.getByLabel("New private note")).toBeVisible();
  await expect(page.locator("summary").filter({ hasText: /^Conversation/ })).toBeHidden();
});
