import { expect, test } from "@/e2e/support/fixtures";

// A learner's week: tick and untick, keyboard ticking, evidence (bad URL first), withdraw and
// resubmit, a weekly check-in, the portfolio and its public page. Uses a demo learner of its own.
const EMAIL = "kavya.raman@example.com";
const REVIEWED = { key: "onnx-portability", title: "Portable models with ONNX" };

test("learner works through a week", async ({ page, browser, signIn }) => {
  test.setTimeout(90_000);
  await signIn(EMAIL, { home: /\/roadmap$/ });

  // Tick a self-check milestone, see it persist, then untick it.
  const tick = page.getByRole("button", { name: /^Mark as done: / }).first();
  const title = (await tick.getAttribute("aria-label"))!.replace("Mark as done: ", "");
  const row = page.getByRole("listitem", { name: title, exact: true });
  // The row shows the new status at once; its button is busy until the server has stored it, and only then is a
  // reload sure to find it stored.
  await tick.click();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Mark as not done: ${title}` })).toBeEnabled();
  await page.reload();
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Mark as not done: ${title}` }).click();
  await expect(row.getByText("Not started", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Mark as done: ${title}` })).toBeEnabled();
  await page.reload();
  await expect(row.getByText("Not started", { exact: true })).toBeVisible();

  // Keyboard: j selects the first milestone, x toggles it and toggles it back. The page was just reloaded and its
  // rows are server-rendered, so the key is pressed again until the page's script listens (a press before that
  // selects nothing, and one after it always lands on the first row).
  const first = page.locator("li[data-milestone-key]").first();
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(first).toBeFocused({ timeout: 2_000 });
  }).toPass();
  const before = (await first.getByText(/^(Done|Approved|Not started|In progress)$/).textContent())!;
  if (before === "Done") {
    await page.keyboard.press("x");
    await expect(first.getByText(/^(Not started|In progress)$/)).toBeVisible();
    await page.keyboard.press("x");
    await expect(first.getByText("Done", { exact: true })).toBeVisible();
  }

  // Evidence: a javascript: URL is refused next to the field and nothing is saved.
  await page.goto(`/roadmap/${REVIEWED.key}`);
  await expect(page.getByRole("heading", { level: 1, name: REVIEWED.title })).toBeVisible();
  await page.getByLabel("Link 1 URL").fill("javascript:alert(document.cookie)");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Use a full http:// or https:// address.")).toBeVisible();
  await expect(page.getByText("No attempts yet.")).toBeVisible();

  await page.getByLabel("Link 1 URL").fill("https://github.com/kavya/onnx-export/pull/7");
  await page.getByLabel("Link 1 label").fill("Export PR");
  await page.getByRole("button", { name: "Add another link" }).click();
  await page.getByLabel("Link 2 URL").fill("https://github.com/kavya/onnx-export/actions/runs/123456");
  await page.getByRole("textbox", { name: "Note (optional)" }).fill("Predictions match within **1e-6**.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  const attempt1 = page.getByRole("listitem", { name: "Attempt 1" });
  await expect(attempt1.getByText("Waiting for review")).toBeVisible();
  await expect(attempt1.getByRole("link", { name: /Export PR/ })).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();

  // Withdraw, then resubmit: both attempts stay in the history.
  await attempt1.getByRole("button", { name: "Withdraw" }).click();
  await expect(attempt1.getByText("Withdrawn")).toBeVisible();
  await page.getByLabel("Link 1 URL").fill("https://github.com/kavya/onnx-export/commit/4f9c2d1a7b3e4f9c2d1a7b3e4f9c2d1a7b3e4f9c");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("listitem", { name: "Attempt 2" }).getByText("Waiting for review")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Attempt 1" }).getByText("Withdrawn")).toBeVisible();

  // The weekly check-in: plan the week.
  await page.getByRole("link", { name: "Check-ins" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Check-ins" })).toBeVisible();
  const thisWeek = page.getByRole("region", { name: "This week" });
  await thisWeek.getByRole("checkbox").first().check();
  await thisWeek.getByLabel("Planned hours").fill("12");
  await thisWeek.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Plan saved", { exact: true }).first()).toBeVisible();

  // Portfolio: the five projects, and the public page only once switched on.
  await page.getByRole("link", { name: "Portfolio" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^\d\. / })).toHaveCount(5);

  const visitor = await browser.newPage();
  const hidden = await visitor.goto("/p/kavya-r");
  expect(hidden?.status()).toBe(404);

  await page.getByLabel("Handle").fill("kavya-r");
  await page.getByLabel(/Public portfolio/).check();
  await page.getByRole("button", { name: "Save portfolio settings" }).click();
  await expect(page.getByText("Your public portfolio is on.").first()).toBeVisible();

  const shown = await visitor.goto("/p/kavya-r");
  expect(shown?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1, name: "@kavya-r" })).toBeVisible();
  await expect(visitor.getByText("Kavya Raman")).toHaveCount(0);
  await visitor.close();
});
