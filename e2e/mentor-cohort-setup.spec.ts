import type { Browser } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";
import { mailTo } from "@/e2e/support/mailbox";

// A mentor sets up a cohort: the admin creates it with the demo mentor, the mentor changes its
// pacing and creates an invite link, a newcomer joins through the link in a fresh browser and is
// welcomed on their roadmap (another is invited by e-mail), the mentor extends their deadline and finally removes them (their work
// is kept, and the learner pages send them to /welcome).
const COHORT = "Spring Cohort 2027";
const NEWCOMER = { name: "Nia Newcomer", email: "nia.newcomer@example.com", password: "granite trail marker 42" };
const INVITED = "ines.invited@example.com";

async function opensWelcome(browser: Browser, link: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${COHORT}` })).toBeVisible();
  await page.context().close();
}

test("mentor sets up a cohort", async ({ browser, signedInPage }) => {
  test.setTimeout(180_000);

  // The admin creates the cohort on the MLOps roadmap with the demo mentor.
  const admin = await signedInPage("admin");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "New cohort" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "New cohort" })).toBeVisible();
  await admin.getByLabel("Name").fill(COHORT);
  await admin.getByLabel("Roadmap version").selectOption({ label: "MLOps Roadmap 2026 · Version 1" });
  await admin.getByLabel("Start date").fill("2027-03-01");
  await admin.getByLabel("Time zone").selectOption("Europe/Berlin");
  await admin.getByLabel("Mentors").fill("nobody@example.com");
  await admin.getByRole("button", { name: "Create cohort" }).click();
  await expect(admin.getByText("No active account uses nobody@example.com.", { exact: false })).toBeVisible();
  await admin.getByLabel("Mentors").fill("mentor@example.com");
  await admin.getByRole("button", { name: "Create cohort" }).click();
  await expect(admin).toHaveURL(/\/cohorts\/[0-9a-f-]{36}\/members$/);
  const cohortId = admin.url().match(/\/cohorts\/([0-9a-f-]{36})\//)![1]!;
  await expect(admin.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(admin.getByRole("region", { name: /^Mentors/ }).getByText("Morgan Reyes")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "No learners yet" })).toBeVisible();
  await admin.goto("/admin/cohorts");
  await expect(admin.getByRole("row", { name: new RegExp(COHORT) })).toContainText("Morgan Reyes");

  // The mentor opens the cohort's settings and changes its pacing.
  const mentor = await signedInPage("mentor");
  await mentor.goto(`/cohorts/${cohortId}/settings`);
  await expect(mentor.getByRole("heading", { level: 1, name: "Cohort settings" })).toBeVisible();
  await expect(mentor.getByLabel("Weeks per phase")).toHaveValue("2");
  await mentor.getByLabel("Weeks per phase").fill("3");
  await mentor.getByRole("button", { name: "Save settings" }).click();
  await expect(mentor.getByText("Settings saved").first()).toBeVisible();
  await mentor.reload();
  await expect(mentor.getByLabel("Weeks per phase")).toHaveValue("3");
  await expect(mentor.getByText(/This cohort follows MLOps Roadmap 2026 · Version 1/)).toBeVisible();

  // … and creates an invite link for one learner.
  await mentor.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Members" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await mentor.getByLabel("Joins as").selectOption("learner");
  await mentor.getByLabel("Uses").fill("1");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(mentor.getByRole("list", { name: "Invite links", exact: true })).toContainText("Used 0 of 1");

  // Cairn sends mail in this run, so the mentor can also invite by e-mail: each address gets its own link.
  const invitations = mentor.getByRole("form", { name: "Invite by e-mail" });
  await invitations.getByLabel("E-mail addresses").fill(`${INVITED}, not-an-address`);
  await invitations.getByRole("button", { name: "Send invites" }).click();
  await expect(invitations.getByText("Not an e-mail address: not-an-address")).toBeVisible();
  await invitations.getByLabel("E-mail addresses").fill(INVITED);
  await invitations.getByRole("button", { name: "Send invites" }).click();
  await expect(mentor.getByText("1 invite on the way", { exact: true })).toBeVisible();
  const invitation = await mailTo(INVITED, new RegExp(`invited you to join ${COHORT} as a learner on Cairn$`));
  const mailedLink = /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]{43}/.exec(invitation.body)?.[0];
  expect(mailedLink).toBeDefined();

  // A new person opens the link in a fresh browser and creates an account.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: `Join ${COHORT}` })).toBeVisible();
  await newcomer.getByLabel("Name").fill(NEWCOMER.name);
  await newcomer.getByLabel("Email").fill(NEWCOMER.email);
  await newcomer.getByLabel("Password").fill("short");
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer.getByText("Use at least 8 characters.")).toBeVisible();
  await newcomer.getByLabel("Password").fill(NEWCOMER.password);
  await newcomer.getByRole("button", { name: "Create account and join" }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/roadmap\\?cohort=${cohortId}$`));
  await expect(newcomer.getByRole("heading", { level: 1, name: "MLOps Roadmap 2026" })).toBeVisible();
  await expect(newcomer.getByText(COHORT).first()).toBeVisible();
  // Nothing done yet: the roadmap opens with a welcome that names their schedule (three weeks per phase now).
  const welcome = newcomer.getByRole("region", { name: "Welcome to MLOps Roadmap 2026" });
  await expect(welcome).toContainText("7 phases");
  await expect(welcome).toContainText("1 day: learn something new");
  await expect(welcome).toContainText("Submit for review");
  await expect(welcome).toContainText(/Starts 1 Mar 2027; first milestone due \d+ Mar 2027\./);

  // The mailed link is the invited person's own: it opens the same welcome.
  await opensWelcome(browser, mailedLink!);

  // The link had one use: someone else opening it now sees that it is not valid any more.
  const latecomer = await (await browser.newContext()).newPage();
  await latecomer.goto(link);
  await expect(latecomer.getByRole("heading", { level: 1, name: "This invite link is not valid any more" })).toBeVisible();

  // The mentor sees the new learner and extends their deadline by two weeks.
  await mentor.reload();
  const learners = mentor.getByRole("region", { name: /^Learners/ });
  const row = learners.getByRole("listitem", { name: NEWCOMER.name });
  await expect(row).toContainText(NEWCOMER.email);
  await mentor.getByText("Used up, expired and revoked links (1)").click();
  await expect(mentor.getByRole("list", { name: "Inactive invite links" })).toContainText("Used 1 of 1");
  await row.getByRole("button", { name: `Edit schedule: ${NEWCOMER.name}` }).click();
  const dialog = mentor.getByRole("dialog", { name: `Schedule for ${NEWCOMER.name}` });
  await dialog.getByLabel("Deadline extension (days)").fill("14");
  await dialog.getByRole("button", { name: "Save schedule" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("+14 days")).toBeVisible();

  // … and removes them: they lose the cohort at once, their work stays and they can be added back.
  await row.getByRole("button", { name: `Remove: ${NEWCOMER.name}` }).click();
  await mentor.getByRole("dialog", { name: `Remove ${NEWCOMER.name} from ${COHORT}?` }).getByRole("button", { name: "Remove" }).click();
  const removed = mentor.getByRole("region", { name: /^Removed/ });
  await expect(removed.getByRole("listitem", { name: NEWCOMER.name })).toBeVisible();
  await expect(learners.getByRole("heading", { name: "No learners yet" })).toBeVisible();
  // With no cohort left to learn in, every learner page sends them to /welcome instead of a 404.
  for (const path of [`/roadmap?cohort=${cohortId}`, "/roadmap", "/roadmap/python-foundations", "/portfolio", "/check-ins"]) {
    await newcomer.goto(path);
    await expect(newcomer, path).toHaveURL(/\/welcome$/);
    await expect(newcomer.getByRole("heading", { level: 2, name: "You are not in a cohort yet" })).toBeVisible();
  }
  // A mentor who learns nowhere lands where / sends them: the review queue.
  await mentor.goto("/roadmap");
  await expect(mentor).toHaveURL(/\/reviews$/);

  await newcomerContext.close();
});
