import { expect, test } from "@/e2e/support/fixtures";

// A learner gives a CI job a personal API token: creates it in Settings with read and submit, sees the secret once
// and copies it, finds only its prefix after a reload, then revokes it. An admin finds a learner's token on Admin →
// API tokens and revokes it. That a created token authenticates is proved in lib/features/api-tokens/actions.test.ts.
const LEARNER = { email: "learner@example.com", name: "Lena Park" };

test("a learner creates a token, sees it once, copies it and revokes it", async ({ signIn }) => {
  test.setTimeout(90_000);
  const page = await signIn("learner", { home: /\/roadmap$/ });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API tokens" }).click();
  const section = page.getByRole("region", { name: "API tokens" });
  await expect(section.getByText("No tokens yet.", { exact: false })).toBeVisible();

  await section.getByRole("button", { name: "Create token" }).click();
  const form = section.getByRole("form", { name: "Create token" });
  // A learner may give a token only what a learner can do.
  await expect(form.getByRole("checkbox")).toHaveCount(2);
  await expect(form.getByLabel("Expires")).toHaveValue("90");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("Give the token a name, such as the repository or machine that uses it.")).toBeVisible();
  await form.getByLabel("Name").fill("CI for my-portfolio");
  await form.getByRole("checkbox", { name: /^submit/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();

  const revealed = section.getByRole("region", { name: "New token" });
  await expect(revealed.getByText(/You won't see it again/)).toBeVisible();
  const secret = revealed.getByLabel(/Your new token/);
  const token = await secret.inputValue();
  expect(token).toMatch(/^cairn_pat_[A-Za-z0-9_-]{43}$/);
  await revealed.getByRole("button", { name: "Copy token" }).click();
  await expect(revealed.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const listed = section.getByRole("list", { name: "Your API tokens" }).getByRole("listitem", { name: "CI for my-portfolio" });
  await expect(listed).toBeVisible();
  await page.reload();
  await expect(listed.getByText(`${token.slice(0, 14)}…`)).toBeVisible();
  await expect(listed.getByText("Never used")).toBeVisible();
  await expect(listed.getByText("read", { exact: true })).toBeVisible();
  await expect(listed.getByText("submit", { exact: true })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token.slice(14));

  await listed.getByRole("button", { name: "Revoke CI for my-portfolio" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “CI for my-portfolio”?" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Revoked “CI for my-portfolio”", { exact: true })).toBeVisible();
  await expect(listed).toHaveCount(0);
  await expect(section.getByText("No tokens yet.", { exact: false })).toBeVisible();
});

test("an admin revokes a learner's token on Admin → API tokens", async ({ signIn, signedInPage }) => {
  test.setTimeout(90_000);
  const learner = await signedInPage("learner", { home: /\/roadmap$/ });
  await learner.goto("/settings#api-tokens");
  const section = learner.getByRole("region", { name: "API tokens" });
  await section.getByRole("button", { name: "Create token" }).click();
  const form = section.getByRole("form", { name: "Create token" });
  await form.getByLabel("Name").fill("Lena's laptop");
  await form.getByLabel("Expires").selectOption("No expiry");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(section.getByRole("region", { name: "New token" })).toBeVisible();

  const admin = await signIn("admin", { home: /\/admin$/ });
  await admin.getByRole("navigation").getByRole("link", { name: "API tokens" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: "Lena's laptop" });
  await expect(row.getByText(LEARNER.name)).toBeVisible();
  await expect(row.getByText("Never", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Revoke Lena's laptop of ${LEARNER.name}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(admin.getByText("Revoked “Lena's laptop”", { exact: true })).toBeVisible();
  await expect(row).toHaveCount(0);

  await learner.reload();
  await expect(section.getByRole("listitem", { name: "Lena's laptop" })).toHaveCount(0);
});
