import { expect, test } from "@/e2e/support/fixtures";

// An admin looks after people: hands a learner a password reset link, the learner sets a new password with it,
// then the admin deactivates the learner — whose open session ends on its next request — and finds both
// changes in the audit log.
const LEARNER = { name: "Hana Suzuki", email: "hana.suzuki@example.com" };
const NEW_PASSWORD = "cedar lantern river 7";

test("admin hands over a reset link and deactivates a learner", async ({ browser, signedInPage }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage("admin");
  await admin.getByRole("navigation").getByRole("link", { name: "Users" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await admin.getByLabel("Name or email").fill("hana");
  await admin.getByRole("button", { name: "Show people" }).click();
  await expect(admin.getByText("1 person", { exact: true })).toBeVisible();

  // The reset link is shown once; the learner uses it in their own browser.
  await admin.getByRole("button", { name: `Create password reset link: ${LEARNER.name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Password reset link for ${LEARNER.name}` });
  await dialog.getByRole("button", { name: "Create reset link" }).click();
  const link = await dialog.getByLabel("Reset link").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const learner = await (await browser.newContext()).newPage();
  await learner.goto(link);
  await learner.getByRole("textbox", { name: "New password" }).fill("password");
  await learner.getByRole("button", { name: "Set new password" }).click();
  await expect(learner.getByText(/too common|guess/i).first()).toBeVisible();
  await learner.getByRole("textbox", { name: "New password" }).fill(NEW_PASSWORD);
  await learner.getByRole("button", { name: "Set new password" }).click();
  await expect(learner.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();
  await learner.goto(link);
  await expect(learner.getByText(/no longer valid/)).toBeVisible();

  const session = await signedInPage(LEARNER.email, { password: NEW_PASSWORD });
  await expect(session.getByRole("heading", { level: 1 })).toBeVisible();

  // Deactivation ends the open session on its very next request.
  await admin.getByRole("button", { name: `Deactivate: ${LEARNER.name}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("listitem", { name: LEARNER.name }).getByText("Deactivated", { exact: true })).toBeVisible();
  await session.reload();
  await expect(session).toHaveURL(/\/login/);

  // Both changes are in the audit log.
  await admin.getByRole("navigation").getByRole("link", { name: "Audit log" }).first().click();
  await admin.getByLabel("Type").selectOption({ label: "All account changes (user.*)" });
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin.getByRole("row", { name: /Deactivated user/ })).toContainText(LEARNER.name);
  await expect(admin.getByRole("row", { name: /Created password reset link/ })).toContainText(LEARNER.name);
});
