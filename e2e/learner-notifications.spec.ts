import pg from "pg";
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

// The Monday at-risk digest as its job writes it (nudges.test.ts proves the job; Monday morning cannot be waited for
// here): each learner with their reasons, and following one of them opens their page and marks the digest read.
test("a mentor reads the at-risk digest and opens a learner from it", async ({ signIn }) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ mentor: string; cohort: string; membership: string }>(
      `SELECT mentor.id AS mentor, m.cohort_id AS cohort, m.id AS membership
         FROM users mentor, memberships m JOIN users u ON u.id = m.user_id
        WHERE mentor.email = 'mentor@example.com' AND u.email = 'amara.okafor@example.com' AND m.role = 'learner'`,
    );
    const { mentor, cohort, membership } = rows[0]!;
    await client.query(
      `INSERT INTO notifications (id, user_id, type, title, href, details, created_at, updated_at)
       VALUES (uuidv7(), $1, 'at_risk_digest', 'This week in MLOps Cohort 2027: 1 at risk — Amara Okafor', $2, $3, now(), now())`,
      [mentor, `/cohorts/${cohort}?risk=1`, JSON.stringify([{ text: "Amara Okafor — At risk: No activity for 15 days", href: `/cohorts/${cohort}/learners/${membership}` }])],
    );
  } finally {
    await client.end();
  }

  const page = await signIn("mentor");
  await page.goto("/notifications");
  const digest = page.getByRole("listitem").filter({ hasText: "This week in MLOps Cohort 2027: 1 at risk" });
  await expect(digest.getByText("Unread")).toBeVisible();
  await digest.getByRole("link", { name: "Amara Okafor — At risk: No activity for 15 days" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Amara Okafor" })).toBeVisible();
  await page.goto("/notifications");
  await expect(digest).toBeVisible();
  await expect(digest.getByText("Unread")).toHaveCount(0);
});
