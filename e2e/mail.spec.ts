import { spawnSync } from "node:child_process";
import { expect, test } from "@/e2e/support/fixtures";
import { mailTo } from "@/e2e/support/mailbox";

// Mail as people meet it, through the real SMTP server of this run (e2e/support/smtp-sink.ts): a learner who forgot
// their password gets a link by e-mail and sets a new one; the admin's Outbox lists that mail without its secret;
// a decision reaches the learner by e-mail, and its one-click unsubscribe switches those e-mails off in Settings.
// Uses a cohort, learner and mentor of its own (e2e/support/ci-learner.ts). An admin invites a new mentor by e-mail
// from Admin → Users, and the mailed link creates their account.
const LEARNER = "robin.mail@example.com";
const MENTOR = "sasha.mail@example.com";
const NEW_PASSWORD = "a new passphrase from the e-mail";
const INVITED_MENTOR = { name: "Kofi Mailed", email: "kofi.invited@example.com", password: "lantern over the ridge 7" };

test("a learner resets a forgotten password by e-mail, hears about a decision by e-mail, and unsubscribes in one click", async ({
  page,
  signedInPage,
}) => {
  // A tsx process, several sign-ins and the mail job's rounds: well past the default 30 seconds.
  test.setTimeout(240_000);
  const setUp = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "e2e/support/ci-learner.ts", LEARNER, MENTOR],
    { env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8" },
  );
  expect(setUp.status, setUp.stderr).toBe(0);
  const { token, milestoneKey } = JSON.parse(setUp.stdout) as { token: string; milestoneKey: string };

  // Forgot password → a mail with a one-time link → a new password that signs in.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(LEARNER);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address, a reset link is on its way to it.");
  const reset = await mailTo(LEARNER, /^Reset your Cairn password$/);
  const link = /https?:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(reset.body)?.[0];
  expect(link).toBeDefined();
  await page.goto(new URL(link!).pathname);
  await page.getByRole("textbox", { name: "New password" }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done/);
  await page.getByLabel("Email").fill(LEARNER);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/roadmap$/);

  // The admin sees the mail as sent, with the link's secret removed.
  const admin = await signedInPage("admin", { home: /\/admin$/ });
  await admin.getByRole("main").getByRole("link", { name: "Outbox", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: LEARNER }).filter({ hasText: "Reset your Cairn password" });
  await expect(row.getByText("Sent", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: "Reset your Cairn password" }).click();
  await expect(admin.getByText("/reset-password/[removed after sending]")).toBeVisible();
  await expect(admin.getByText(new URL(link!).pathname)).toHaveCount(0);

  // The learner submits through the API; the mentor approves; the learner gets the decision by e-mail.
  const base = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
  const submitted = await fetch(`${base}/api/v1/milestones/${milestoneKey}/submissions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ links: [{ url: "https://github.com/robin/registry/pull/7" }] }),
  });
  expect(submitted.status).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  const mentor = await signedInPage(MENTOR);
  await mentor.goto(`/reviews/${id}`);
  await mentor.getByRole("button", { name: "Approve" }).click();
  await expect(mentor).not.toHaveURL(new RegExp(id));

  const decision = await mailTo(LEARNER, /approved/i);
  expect(decision.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = /https?:\/\/[^\s"<>]+\/unsubscribe\?u=[^\s"<>&]+&(?:amp;)?k=decision&(?:amp;)?t=[A-Za-z0-9_-]{43}/.exec(decision.body)?.[0];
  expect(unsubscribe).toBeDefined();
  const target = new URL(unsubscribe!.replace(/&amp;/g, "&"));
  await page.goto(`${target.pathname}${target.search}`);
  await expect(page.getByRole("heading", { level: 1, name: "Stop “Decision” e-mails?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "No more “Decision” e-mails" })).toBeVisible();

  await page.goto("/settings#notifications");
  await expect(page.getByRole("checkbox", { name: "Decision: e-mail" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Decision: in-app" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Comment: e-mail", exact: true })).toBeChecked();
});

test("an admin invites a new mentor by e-mail from Admin → Users, and the mailed link creates their account", async ({ page, signedInPage }) => {
  // Sign-ins and a round of the mail job.
  test.setTimeout(120_000);
  const admin = await signedInPage("admin", { home: /\/admin$/ });
  await admin.getByRole("main").getByRole("link", { name: "Invite links", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Invite links" })).toBeVisible();
  // Both forms say what the invite is for; each control keeps a name of its own.
  await expect(admin.getByLabel("Joins as")).toHaveCount(1);
  await expect(admin.getByLabel("Role")).toHaveCount(1);

  // Newest first: the invite just made.
  const newest = admin.getByRole("list", { name: "Invite links", exact: true }).getByRole("listitem").first();
  const invitations = admin.getByRole("form", { name: "Invite by e-mail" });
  await invitations.getByLabel("E-mail addresses").fill(INVITED_MENTOR.email);
  await invitations.getByLabel("Role").selectOption("mentor");
  await invitations.getByRole("button", { name: "Send invites" }).click();
  await expect(admin.getByText("1 invite on the way", { exact: true })).toBeVisible();
  await expect(newest).toContainText(`Mentor invite to ${INVITED_MENTOR.email}`);
  await expect(newest).toContainText("No cohort");

  const invitation = await mailTo(INVITED_MENTOR.email, /invited you to join Cairn as a mentor$/);
  const link = /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]{43}/.exec(invitation.body)?.[0];
  expect(link).toBeDefined();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Join Cairn" })).toBeVisible();
  await page.getByLabel("Name").fill(INVITED_MENTOR.name);
  await page.getByLabel("Email").fill(INVITED_MENTOR.email);
  await page.getByLabel("Password").fill(INVITED_MENTOR.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/welcome$/);

  // The link was theirs alone: on the admin's list it is used up, and nothing is left to revoke.
  await admin.reload();
  await expect(newest).toContainText("Used 1 of 1");
  await expect(newest.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  // Beside it, a link made by hand is shown once and can be revoked from the same list.
  await admin.getByRole("form", { name: "Create invite link" }).getByLabel("Joins as").selectOption("admin");
  await admin.getByRole("button", { name: "Create invite link" }).click();
  await expect(admin.getByLabel("Invite link", { exact: true })).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await admin.getByRole("button", { name: "Revoke admin link, used 0 of 1" }).first().click();
  await expect(admin.getByText("Invite link revoked", { exact: true })).toBeVisible();
  await expect(newest).toContainText(/Admin link.*Revoked/);
});
