import { expect, test } from "@/e2e/support/fixtures";

// The bell in the top bar: its count, reading one notification from it, and marking all read, which stays so.
// Lena Park (the demo learner) starts with unread notifications; no other spec reads or counts them.
test("a learner reads notifications from the bell", async ({ page, signIn }) => {
  await signIn("learner", { home: /\/roadmap$/ });
  const unreadBell = page.getByRole("button", { name: /^\d+ unread notifications?$/ });
  const unread = Number((await unreadBell.getAttribute("aria-label"))!.split(" ")[0]);
  expect(unread).toBeGreaterThanOrEqual(2);

  // Opening one marks it read and takes the learner where it points.
  await unreadBell.click();
  const menu = page.getByRole("menu");
  const first = menu.getByRole("menuitem", { name: /Unread$/ }).first();
  const href = await first.getAttribute("href");
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[?]/g, "\\?")}$`));
  const left = unread - 1;
  await expect(page.getByRole("button", { name: `${left} unread notification${left === 1 ? "" : "s"}` })).toBeVisible();

  // "Mark all as read" keeps the menu open so the marks visibly change; the count is gone, also after a reload.
  await unreadBell.click();
  await menu.getByRole("menuitem", { name: "Mark all as read" }).click();
  await expect(menu.getByRole("menuitem", { name: /Unread$/ })).toHaveCount(0);
  await expect(menu.getByRole("menuitem", { name: "Mark all as read" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});
