import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";
import { hydrated } from "@/e2e/support/hydrated";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";

// An admin adapts the MLOps roadmap for next spring: imports it under a new name, publishes it as version 1,
// starts version 2, edits a milestone, reorders (keyboard and drag), archives one, publishes, and checks both
// exports against what was imported and what was changed. A cohort on version 1 then moves to version 2, and its
// learner hears about it: a notification, and a banner on their roadmap until they dismiss it.
const TITLE = "MLOps Roadmap Spring 2027";
const PILOT = "Spring 2027 Pilot";
const PILOT_LEARNER = { name: "Pia Pilot", email: "pia.pilot@example.com", password: "granite trail marker 42" };

async function parsed(text: string): Promise<RoadmapDocument> {
  const result = parseRoadmapMarkdown(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download: Promise<Download> = page.waitForEvent("download");
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("admin prepares next spring's roadmap", async ({ page, signIn, browser }) => {
  test.setTimeout(300_000);
  const source = (await readFile(path.join(process.cwd(), "content", "roadmaps", "mlops-roadmap-2026.md"), "utf8")).replace(
    /^# .*$/m,
    `# ${TITLE} {#mlops-spring-2027}`,
  );
  const imported = await parsed(source);

  await signIn("admin", { home: /\/admin$/ });

  // Import: preview first, then a draft.
  await page.getByRole("navigation").getByRole("link", { name: "Roadmaps" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Roadmaps" })).toBeVisible();
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("Paste text").check();
  await page.getByLabel("Roadmap text").fill(source);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("mlops-spring-2027").first()).toBeVisible();
  await page.getByRole("button", { name: "Import as draft" }).click();
  await expect(page).toHaveURL(/\/admin\/roadmaps\/[0-9a-f-]{36}\/versions\/1$/);
  const roadmapUrl = page.url().replace(/\/versions\/1$/, "");

  // Version 1 goes out unchanged, and its export is exactly what was imported.
  await page.getByRole("button", { name: "Publish version 1" }).click();
  const publishV1 = page.getByRole("dialog", { name: "Publish version 1?" });
  await expect(publishV1.getByText(`Added (${imported.phases.length + imported.phases.flatMap((phase) => phase.milestones).length + imported.projects.length})`)).toBeVisible();
  await publishV1.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  const v1 = await downloadText(page, () => page.getByRole("link", { name: "Export Markdown" }).click());
  expect(v1.name).toBe("mlops-spring-2027-v1.md");
  expect(await parsed(v1.text)).toEqual(imported);

  // Version 2 starts as a copy of version 1.
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(`${roadmapUrl}/versions/2`);
  const outline = page.getByRole("navigation", { name: "Roadmap outline" });

  // Edit a milestone, watching the Markdown preview; a second tab has the same milestone open.
  await outline.getByRole("link", { name: "Track every experiment", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Milestone: Track every experiment" })).toBeVisible();
  const otherTab = await page.context().newPage();
  await otherTab.goto(page.url());
  await expect(otherTab.getByRole("heading", { name: "Milestone: Track every experiment" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Track every experiment in MLflow");
  await page.getByRole("textbox", { name: /^Description/ }).fill("Log **every** run: parameters, metrics and the commit.");
  await expect(page.getByRole("region", { name: "Description preview" }).locator("strong")).toHaveText("every");

  // Leaving unsaved edits asks first, in the app's own dialog; "Keep editing" keeps every edit, and they save.
  await outline.getByRole("link", { name: "A clean repository layout", exact: true }).click();
  const unsaved = page.getByRole("dialog", { name: "Discard unsaved changes?" });
  await unsaved.getByRole("button", { name: "Keep editing" }).click();
  await expect(unsaved).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Milestone: Track every experiment" })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment in MLflow");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page.getByText("Saved").first()).toBeVisible();
  await expect(outline.getByRole("link", { name: "Track every experiment in MLflow" })).toBeVisible();

  // "Discard changes" drops the edit and opens the other item.
  await page.getByLabel("Title", { exact: true }).fill("A title nobody saves");
  await outline.getByRole("link", { name: "A clean repository layout", exact: true }).click();
  await unsaved.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByRole("heading", { name: "Milestone: A clean repository layout" })).toBeVisible();
  await outline.getByRole("link", { name: "Track every experiment in MLflow", exact: true }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment in MLflow");

  // The stale tab's save is refused; its own change survives the merge and goes on top, the title stays.
  await (await hydrated(otherTab.getByLabel("Done when"))).fill("Every run is logged with its commit and data version.");
  await otherTab.getByRole("button", { name: "Save milestone" }).click();
  await expect(otherTab.getByText("Someone else saved this while you were editing", { exact: false })).toBeVisible();
  await expect(otherTab.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment in MLflow");
  await otherTab.getByRole("button", { name: "Save my changes on top" }).click();
  await expect(otherTab.getByText("Saved").first()).toBeVisible();
  await otherTab.close();
  await page.reload();
  await expect(page.getByLabel("Done when")).toHaveValue("Every run is logged with its commit and data version.");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment in MLflow");

  // Back and Forward cannot be cancelled: the edits wait in the tab and come back, marked as not saved yet.
  const restored = page.getByRole("status").filter({ hasText: "Your unsaved edits are back" });
  await page.getByLabel("Title", { exact: true }).fill("Track every experiment, even across Back");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Milestone: A clean repository layout" })).toBeVisible();
  await expect(restored).toHaveCount(0);
  await page.goForward();
  await expect(restored).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment, even across Back");

  // Meanwhile another tab saves the milestone's "Done when"; the edits survive a reload and merge onto that save.
  const elsewhere = await page.context().newPage();
  await elsewhere.goto(page.url());
  await (await hydrated(elsewhere.getByLabel("Done when"))).fill("Every run is logged with its commit, data version and seed.");
  await elsewhere.getByRole("button", { name: "Save milestone" }).click();
  await expect(elsewhere.getByText("Saved").first()).toBeVisible();
  await elsewhere.close();
  page.once("dialog", (dialog) => dialog.accept());
  await page.reload();
  await expect(restored).toBeVisible();
  await expect(page.getByText("Someone else saved this while you were editing", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment, even across Back");
  await expect(page.getByLabel("Done when")).toHaveValue("Every run is logged with its commit, data version and seed.");

  // "Discard them" goes back to what is saved, for good.
  await restored.getByRole("button", { name: "Discard them" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Track every experiment in MLflow");
  await page.reload();
  await expect(page.getByLabel("Done when")).toHaveValue("Every run is logged with its commit, data version and seed.");
  await expect(restored).toHaveCount(0);

  // Reorder: "Move up" from the keyboard, then drag a row onto another.
  const phaseLinks = () => outline.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Production habits", exact: true }) }).getByRole("list").getByRole("link");
  await page.getByRole("button", { name: 'Move "A clean repository layout" up' }).focus();
  await page.keyboard.press("Enter");
  await expect(phaseLinks()).toHaveText(["Track every experiment in MLflow", "A clean repository layout", "Package training and inference as reusable modules", "Reproduce a run from a clean checkout"]);
  const row = (name: string) => outline.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) }).last();
  await row("Reproduce a run from a clean checkout").dragTo(row("Track every experiment in MLflow"));
  await expect(phaseLinks()).toHaveText(["Reproduce a run from a clean checkout", "Track every experiment in MLflow", "A clean repository layout", "Package training and inference as reusable modules"]);
  await page.reload();
  await expect(phaseLinks().first()).toHaveText("Reproduce a run from a clean checkout");

  // Archive one milestone: it stays in the outline, marked, and leaves the next version.
  await outline.getByRole("link", { name: "Basic testing with pytest" }).click();
  await expect(page.getByRole("heading", { name: "Milestone: Basic testing with pytest" })).toBeVisible();
  await page.getByRole("button", { name: "Archive milestone" }).click();
  await expect(page.getByRole("heading", { name: "Milestone: Basic testing with pytest" }).getByText("Archived")).toBeVisible();
  await expect(page.getByText("1 changed · 1 archived since version 1")).toBeVisible();

  // Publish version 2 with its computed summary.
  await page.getByRole("button", { name: "Publish version 2" }).click();
  const publishV2 = page.getByRole("dialog", { name: "Publish version 2?" });
  await expect(publishV2.getByRole("heading", { name: "Edited (2)" })).toBeVisible();
  await expect(publishV2.getByText("Renamed “Track every experiment” → “Track every experiment in MLflow”")).toBeVisible();
  await expect(publishV2.getByText("“Track every experiment in MLflow”: description and “Done when” changed")).toBeVisible();
  await expect(publishV2.getByRole("heading", { name: "Moved (2)" })).toBeVisible();
  await expect(publishV2.getByRole("heading", { name: "Archived (1)" })).toBeVisible();
  await expect(publishV2.getByText("Archived “Basic testing with pytest”")).toBeVisible();
  await publishV2.getByLabel("Release note").fill("Experiments are tracked in **MLflow** now.");
  await publishV2.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toBeDisabled();

  // The export of version 2 is version 1 with exactly these changes.
  const v2 = await downloadText(page, () => page.getByRole("link", { name: "Export Markdown" }).click());
  expect(v2.name).toBe("mlops-spring-2027-v2.md");
  const expected = structuredClone(imported);
  const habits = expected.phases.find((phase) => phase.title === "Production habits")!;
  const byTitle = (title: string) => habits.milestones.find((milestone) => milestone.title === title)!;
  const tracked = {
    ...byTitle("Track every experiment"),
    title: "Track every experiment in MLflow",
    description: "Log **every** run: parameters, metrics and the commit.",
    doneWhen: ["Every run is logged with its commit, data version and seed."],
  };
  habits.milestones = [byTitle("Reproduce a run from a clean checkout"), tracked, byTitle("A clean repository layout"), byTitle("Package training and inference as reusable modules")];
  for (const phase of expected.phases) phase.milestones = phase.milestones.filter((milestone) => milestone.key !== "pytest-basics");
  expect(await parsed(v2.text)).toEqual(expected);

  // A draft started by mistake is discarded after the app's own confirmation; Cancel keeps it.
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(`${roadmapUrl}/versions/3`);
  // Adding an item while another has unsaved edits saves the new item, then asks before opening it.
  await outline.getByRole("link", { name: "A clean repository layout", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Milestone: A clean repository layout" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("A tidy repository layout");
  const habitsRow = outline.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Production habits", exact: true }) });
  await habitsRow.getByRole("button", { name: "Add milestone" }).click();
  await page.getByLabel('New milestone in "Production habits"').fill("Pin every dependency");
  await page.getByLabel('New milestone in "Production habits"').press("Enter");
  await unsaved.getByRole("button", { name: "Keep editing" }).click();
  await expect(outline.getByRole("link", { name: "Pin every dependency", exact: true })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("A tidy repository layout");
  await page.getByRole("button", { name: "Discard draft" }).click();
  const discardV3 = page.getByRole("dialog", { name: "Discard draft version 3?" });
  await discardV3.getByRole("button", { name: "Cancel" }).click();
  await expect(discardV3).toHaveCount(0);
  await page.getByRole("button", { name: "Discard draft" }).click();
  await page.getByRole("dialog", { name: "Discard draft version 3?" }).getByRole("button", { name: "Discard draft" }).click();
  await expect(page).toHaveURL(roadmapUrl);
  await expect(page.getByRole("row", { name: /Version 3/ })).toHaveCount(0);

  // The roadmap's page lists both versions; new cohorts can pick version 2.
  await page.goto(roadmapUrl);
  await expect(page.getByRole("row", { name: /Version 2/ })).toContainText("1 changed · 1 archived");
  await page.goto("/admin/cohorts/new");
  await expect(page.getByLabel("Roadmap version").locator("option", { hasText: `${TITLE} · Version 2` })).toHaveCount(1);

  // A pilot cohort on version 1, with one learner who joins through an invite link.
  await page.getByLabel("Name").fill(PILOT);
  await page.getByLabel("Roadmap version").selectOption({ label: `${TITLE} · Version 1` });
  await page.getByLabel("Start date").fill("2027-03-01");
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page).toHaveURL(/\/cohorts\/[0-9a-f-]{36}\/members$/);
  const cohortId = page.url().match(/\/cohorts\/([0-9a-f-]{36})\//)![1]!;
  await page.getByLabel("Joins as").selectOption("learner");
  await page.getByLabel("Uses").fill("1");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(link);
  await learner.getByLabel("Name").fill(PILOT_LEARNER.name);
  await learner.getByLabel("Email").fill(PILOT_LEARNER.email);
  await learner.getByLabel("Password").fill(PILOT_LEARNER.password);
  await learner.getByRole("button", { name: "Create account and join" }).click();
  await expect(learner).toHaveURL(new RegExp(`/roadmap\\?cohort=${cohortId}$`));
  const banner = learner.getByRole("region", { name: `Your roadmap was updated to ${TITLE} v2` });
  await expect(learner.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Moving the cohort: the preview carries version 2's release note.
  await page.goto(`/cohorts/${cohortId}/settings`);
  await page.getByRole("button", { name: "Preview move" }).click();
  await expect(page.getByText("Experiments are tracked in **MLflow** now.")).toBeVisible();
  await page.getByRole("button", { name: "Move to version 2" }).click();
  await expect(page.getByText("The cohort now follows version 2").first()).toBeVisible();

  // The learner is told, and their roadmap says what changed for them until they dismiss it, for good.
  await learner.goto("/notifications");
  await expect(learner.getByText(`Your roadmap was updated to ${TITLE} v2.`)).toBeVisible();
  await learner.goto(`/roadmap?cohort=${cohortId}`);
  await expect(banner).toContainText("1 renamed");
  await expect(banner.locator("strong")).toHaveText("MLflow");
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toHaveCount(0);
  await learner.reload();
  await expect(learner.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await learnerContext.close();
});
