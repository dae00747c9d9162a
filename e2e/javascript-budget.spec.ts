import type { Page } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";
import { describeFirstLoads, measureFirstLoad, type FirstLoad } from "@/e2e/support/first-load-javascript";

// Every main page's first-load JavaScript stays at or under 150 kB, measured on the production build as each role
// sees the page (docs/performance.md, "Pages and the browser"; decisions 023 and 068). Reads only: the pages are the
// demo data's.
const BUDGET_BYTES = 150_000;
const COHORT = "MLOps Cohort 2027";
const MILESTONE_KEY = "onnx-portability";
const MILESTONE_TITLE = "Portable models with ONNX";

/** The href of a link the page shows; pages are found the way a person finds them, not by guessing ids. */
async function linkTarget(page: Page, path: string, link: ReturnType<Page["getByRole"]>): Promise<string> {
  await page.goto(path);
  const href = await link.first().getAttribute("href");
  if (!href) throw new Error(`no link to follow on ${path}`);
  return href;
}

test("every main page stays within its JavaScript budget", async ({ request, signedInPage }) => {
  test.setTimeout(120_000);
  const loads: { name: string; load: FirstLoad }[] = [];
  const measure = async (name: string, on: Page | null, path: string) => {
    loads.push({ name, load: await measureFirstLoad(on ? on.request : request, path) });
  };

  await measure("sign-in", null, "/login");

  const learner = await signedInPage("learner", { home: /\/roadmap$/ });
  await measure("roadmap", learner, "/roadmap");
  await measure("milestone", learner, `/roadmap/${MILESTONE_KEY}`);
  await measure("check-ins", learner, "/check-ins");
  await measure("my progress", learner, "/progress");
  await measure("portfolio", learner, "/portfolio");
  await measure("notifications", learner, "/notifications");
  await measure("settings", learner, "/settings");

  const mentor = await signedInPage("mentor", { home: /\/reviews$/ });
  await measure("review queue", mentor, "/reviews");
  const waiting = mentor.getByRole("list", { name: "Waiting attempts, oldest first" }).getByRole("link");
  await measure("review screen", mentor, await linkTarget(mentor, "/reviews", waiting));
  const cohort = await linkTarget(mentor, "/cohorts", mentor.getByRole("main").getByRole("link", { name: COHORT }));
  await measure("cohort matrix", mentor, cohort);
  await measure("cohort members", mentor, `${cohort}/members`);
  await measure("cohort settings", mentor, `${cohort}/settings`);
  await measure("cohort insights", mentor, `${cohort}/insights`);

  const admin = await signedInPage("admin", { home: /\/admin$/ });
  await measure("admin home", admin, "/admin");
  await measure("admin roadmaps", admin, "/admin/roadmaps");
  const roadmap = await linkTarget(admin, "/admin/roadmaps", admin.getByRole("main").getByRole("link", { name: /MLOps Roadmap 2026/ }));
  const versions = admin.getByRole("main").getByRole("link", { name: /^Version \d+/ });
  const editor = await linkTarget(admin, roadmap, versions);
  await measure("roadmap editor", admin, editor);
  await measure("roadmap friction", admin, await linkTarget(admin, roadmap, admin.getByRole("main").getByRole("link", { name: /^Friction/ })));
  const outline = admin.getByRole("navigation", { name: "Roadmap outline" });
  await measure("roadmap editor item", admin, await linkTarget(admin, editor, outline.getByRole("link", { name: MILESTONE_TITLE, exact: true })));
  await measure("admin users", admin, "/admin/users");
  await measure("admin invites", admin, "/admin/users/invites");
  await measure("audit log", admin, "/admin/audit");
  await measure("admin jobs", admin, "/admin/jobs");
  await measure("admin webhooks", admin, "/admin/webhooks");
  await measure("admin outbox", admin, "/admin/outbox");

  const report = describeFirstLoads(loads);
  console.log(`First-load JavaScript, gzip level 9:\n${report}`);
  const over = loads.filter(({ load }) => load.totalBytes > BUDGET_BYTES).map(({ name }) => name);
  expect(over, `pages over ${BUDGET_BYTES / 1000} kB:\n${report}`).toEqual([]);
});
