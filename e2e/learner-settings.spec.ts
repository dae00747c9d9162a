import { expect, test } from "@/e2e/support/fixtures";

// A learner looks after their own account: opens Settings from the account menu, changes their name (the top bar
// follows), changes their password, signs out and signs back in with the new one. A demo learner no other journey
// uses, so the other journeys keep their names and passwords.
const LEARNER = { email: "chen.wei@example.com", name: "Chen Wei" };
const NEW_NAME = "Chen Wei-Lin";
const NEW_PASSWORD = "juniper kettle harbour 9";

test("a learner changes their name and password in Settings", async ({ signIn }) => {
  test.setTimeout(90_000);
  const page = await signIn(LEARNER.email, { home: /\/roadmap$/ });

  await page.getByRole("button", { name: `Account: ${LEARNER.name}` }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Settings sections" });
  await expect(sections.getByRole("link")).toHaveText(["Profile", "Password", "Notifications", "API tokens"]);

  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Name").fill("   ");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Enter your name.")).toBeVisible();
  await profile.getByLabel("Name").fill(NEW_NAME);
  await profile.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Account: ${NEW_NAME}` })).toBeVisible();
  await expect(page.getByText(/member since .* \(Asia\/Tokyo\)/)).toBeVisible();

  const password = page.getByRole("form", { name: "Change password" });
  await password.getByLabel("Current password").fill("not my password");
  await password.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await password.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Your current password is not right. Nothing was changed.")).toBeVisible();
  await password.getByLabel("Current password").fill("cairn-demo");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You are signed out everywhere else.", { exact: true })).toBeVisible();

  // This session stayed signed in.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  await page.getByRole("button", { name: `Account: ${NEW_NAME}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Cairn sends mail in this run (playwright.config.ts), so the way back is self-service.
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();

  await page.getByLabel("Email").fill(LEARNER.email);
  await page.getByLabel("Password").fill("cairn-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toHaveRole("alert");
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/roadmap$/);
  await expect(page.getByRole("button", { name: `Account: ${NEW_NAME}` })).toBeVisible();
});
