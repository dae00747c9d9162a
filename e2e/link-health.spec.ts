import { spawnSync } from "node:child_process";
import { expect, test } from "@/e2e/support/fixtures";

// An approved attempt's link stopped working (seeded as the nightly check leaves it, e2e/support/broken-link-learner.ts):
// the learner sees "Link broken" beside an approval that stands and offers a new address; the mentor finds it under
// "Replaced links" and re-approves it in one click; the learner's page then shows the new link, working.
const LEARNER = "riley.relink@example.com";
const MENTOR = "sam.steward@example.com";
const NEW_URL = "https://github.com/riley-relink/churn-model-v2";

test("a learner replaces a broken evidence link and the mentor re-approves it in one click", async ({ signIn, signedInPage }) => {
  // Preparing the cohort starts a tsx process, then two people sign in: more than the default 30 seconds on a busy machine.
  test.setTimeout(90_000);
  const setUp = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "e2e/support/broken-link-learner.ts", LEARNER, MENTOR],
    { env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8" },
  );
  expect(setUp.status, setUp.stderr).toBe(0);
  const { milestoneKey, title, brokenUrl } = JSON.parse(setUp.stdout) as { milestoneKey: string; title: string; brokenUrl: string };

  const page = await signIn(LEARNER);
  await page.goto(`/roadmap/${milestoneKey}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const attempt = page.getByRole("listitem", { name: "Attempt 1" });
  await expect(attempt.getByText("Link broken")).toBeVisible();
  await expect(attempt.getByText(/^404 Not Found · since /)).toBeVisible();
  // The approval stands beside the broken link.
  await expect(attempt.getByText(/^Approved by Sam Steward · /)).toBeVisible();

  const form = attempt.getByRole("form", { name: "Replace link" });
  await form.getByLabel("New address").fill("not a link");
  await form.getByRole("button", { name: "Replace link" }).click();
  await expect(form.getByText("Use a full http:// or https:// address.")).toBeVisible();
  await form.getByLabel("New address").fill(NEW_URL);
  await form.getByRole("button", { name: "Replace link" }).click();
  await expect(page.getByText("New link sent to your mentors for re-approval.", { exact: true })).toBeVisible();
  await expect(attempt.getByText("Replacement waiting for your mentor:")).toBeVisible();
  await expect(attempt.getByRole("link", { name: new RegExp(NEW_URL) })).toHaveAttribute("href", NEW_URL);
  await expect(attempt.getByRole("form", { name: "Replace link" })).toHaveCount(0);

  const mentor = await signedInPage(MENTOR, { home: /\/reviews$/ });
  const replaced = mentor.getByRole("region", { name: "Replaced links" });
  const row = replaced.getByRole("listitem", { name: `Riley Relink: ${title}` });
  await expect(row.getByText(brokenUrl, { exact: true })).toBeVisible();
  await expect(row.getByRole("link", { name: new RegExp(NEW_URL) })).toBeVisible();

  // The attempt's review screen says the same under the link, with the same button.
  await row.getByRole("link", { name: title }).click();
  const thisAttempt = mentor.getByRole("region", { name: "This attempt (1)" });
  await expect(thisAttempt.getByText("Link broken")).toBeVisible();
  await expect(thisAttempt.getByText(/^404 Not Found · since /)).toBeVisible();
  await expect(thisAttempt.getByText("Replacement waiting for re-approval:")).toBeVisible();
  await expect(thisAttempt.getByRole("button", { name: "Re-approve link" })).toBeVisible();
  await mentor.goBack();
  await row.getByRole("button", { name: "Re-approve link" }).click();
  await expect(mentor.getByText("Link re-approved. The learner was told.", { exact: true })).toBeVisible();
  await expect(replaced).toHaveCount(0);

  await page.reload();
  await expect(attempt.getByText(/^Approved by Sam Steward · /)).toBeVisible();
  await expect(attempt.getByText("Link broken")).toHaveCount(0);
  await expect(attempt.getByRole("link", { name: /churn-model-v2/ })).toHaveAttribute("href", NEW_URL);
  await page.goto("/notifications");
  await expect(page.getByText(`New link approved: ${title}`)).toBeVisible();
});
