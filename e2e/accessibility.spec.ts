import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";

// Every main page, as each role sees it, in the light and the dark theme, has no serious or critical axe-core
// violation and a sound landmark structure (docs/ux.md, "Accessibility"; decision 025). A failure names the page,
// the theme, each rule and the offending nodes. The same walk fits each page to a phone (nothing scrolls sideways at
// 375 px) and keeps a full-page screenshot at 1366 and 375 px in each theme in test-results/screenshots/, for people to look
// at after every run (they are artifacts of the run, never committed).
const THEMES = ["light", "dark"] as const;
type ThemeName = (typeof THEMES)[number];
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);
/** axe rates its landmark rules moderate, but landmarks are how a screen reader moves around a page: they fail too. */
const LANDMARK_RULE = /^landmark-/;
const THEME_COOKIE = "cairn-theme";

type Visit = { name: string; path: string };

/** Shows the page in `theme` from the first paint: the cookie the theme toggle writes, and the system setting. */
async function showTheme(page: Page, theme: ThemeName) {
  await page.context().addCookies([{ name: THEME_COOKIE, value: theme, url: test.info().project.use.baseURL! }]);
  await page.emulateMedia({ colorScheme: theme });
}

/** One line per failing violation: rule, impact, what it means and the selectors of the nodes that break it. */
async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? "") || LANDMARK_RULE.test(violation.id))
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `${node.target.join(" ")} — ${node.html.slice(0, 160)}`);
      return `${violation.id} (${violation.impact}, ${nodes.length} nodes): ${violation.help}\n    ${nodes.join("\n    ")}`;
    });
}

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 375, height: 812 };

/** Keeps what the page looks like at `width` px for people to review; the file name says who, page, theme and width. */
async function keepScreenshot(page: Page, who: string, visit: Visit, theme: ThemeName) {
  const width = page.viewportSize()?.width;
  const file = `${who}-${visit.name.replace(/[^a-z0-9]+/gi, "-")}-${theme}-${width}.png`;
  await page.screenshot({ path: path.join(test.info().project.outputDir, "screenshots", file), fullPage: true });
}

async function scan(page: Page, who: string, theme: ThemeName, visits: Visit[]) {
  await showTheme(page, theme);
  for (const visit of visits) {
    await page.setViewportSize(DESKTOP);
    await page.goto(visit.path);
    await expect(page.getByRole("heading", { level: 1 }).first(), `${visit.name} (${visit.path}) has a heading`).toBeVisible();
    expect.soft(await blockingViolations(page), `${visit.name} (${visit.path}, ${theme} theme)`).toEqual([]);
    await keepScreenshot(page, who, visit, theme);
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(overflow, `${visit.name} (${visit.path}) scrolls sideways at ${PHONE.width} px by`).toBeLessThanOrEqual(0);
    await keepScreenshot(page, who, visit, theme);
  }
}

/** The first link in the page's main landmark whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`${path} links to nothing like ${pattern}; the demo data or the page changed.`);
  return href;
}

async function anonymousPage(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

// axe-core takes seconds per page on two shared cores; a role's pages are one test so it signs in once.
test.describe.configure({ timeout: 240_000 });

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test("a visitor's pages have no serious accessibility violations", async ({ browser }) => {
      const visitor = await anonymousPage(browser);
      await scan(visitor.page, "visitor", theme, [
        { name: "sign-in", path: "/login" },
        { name: "invite landing, link not valid", path: "/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
        { name: "404", path: "/no-such-page" },
        { name: "API reference", path: "/api/docs" },
        { name: "forgot password", path: "/forgot-password" },
        { name: "unsubscribe, link not valid", path: "/unsubscribe?u=x&k=decision&t=y" },
      ]);
      await visitor.close();
    });

    test("a learner's pages have no serious accessibility violations", async ({ signIn }) => {
      const page = await signIn("learner");
      const milestone = await firstLink(page, "/roadmap", /^\/roadmap\/[^/?#]+$/);
      await scan(page, "learner", theme, [
        { name: "roadmap", path: "/roadmap" },
        { name: "milestone", path: milestone },
        { name: "check-ins", path: "/check-ins" },
        { name: "my progress", path: "/progress" },
        { name: "notifications", path: "/notifications" },
        { name: "portfolio", path: "/portfolio" },
        { name: "settings", path: "/settings" },
        { name: "in-app 404", path: "/roadmap/no-such-milestone" },
      ]);
    });

    test("a mentor's pages have no serious accessibility violations", async ({ signIn }) => {
      const page = await signIn("mentor");
      const review = await firstLink(page, "/reviews", /^\/reviews\/[0-9a-f-]{36}$/);
      const cohort = await firstLink(page, "/cohorts", /^\/cohorts\/[0-9a-f-]{36}$/);
      const learner = await firstLink(page, cohort, /^\/cohorts\/[0-9a-f-]{36}\/learners\/[0-9a-f-]{36}$/);
      await scan(page, "mentor", theme, [
        { name: "review queue", path: "/reviews" },
        { name: "review screen", path: review },
        { name: "cohort matrix", path: cohort },
        { name: "a learner in the cohort", path: learner },
        { name: "cohort members", path: `${cohort}/members` },
        { name: "cohort settings", path: `${cohort}/settings` },
        { name: "cohort insights", path: `${cohort}/insights` },
        { name: "notifications", path: "/notifications" },
        { name: "in-app 404", path: `/reviews/${crypto.randomUUID()}` },
      ]);
    });

    test("an admin's pages have no serious accessibility violations", async ({ signIn }) => {
      const page = await signIn("admin");
      const roadmap = await firstLink(page, "/admin/roadmaps", /^\/admin\/roadmaps\/[0-9a-f-]{36}$/);
      const editor = await firstLink(page, roadmap, /^\/admin\/roadmaps\/[0-9a-f-]{36}\/versions\/\d+$/);
      const friction = await firstLink(page, roadmap, /^\/admin\/roadmaps\/[0-9a-f-]{36}\/insights\?version=\d+$/);
      await scan(page, "admin", theme, [
        { name: "admin home", path: "/admin" },
        { name: "admin roadmaps", path: "/admin/roadmaps" },
        { name: "a roadmap's versions", path: roadmap },
        { name: "roadmap editor", path: editor },
        { name: "roadmap friction", path: friction },
        { name: "admin cohorts", path: "/admin/cohorts" },
        { name: "admin users", path: "/admin/users" },
        { name: "admin invites", path: "/admin/users/invites" },
        { name: "sign-in methods", path: "/admin/sign-in" },
        { name: "admin API tokens", path: "/admin/tokens" },
        { name: "admin webhooks", path: "/admin/webhooks" },
        { name: "outbox", path: "/admin/outbox" },
        { name: "audit log", path: "/admin/audit" },
        { name: "admin jobs", path: "/admin/jobs" },
      ]);
    });
  });
}

test("a newcomer's invite landing has no serious accessibility violations in either theme", async ({ browser, signIn }) => {
  const mentor = await signIn("mentor");
  const cohort = await firstLink(mentor, "/cohorts", /^\/cohorts\/[0-9a-f-]{36}$/);
  await mentor.goto(`${cohort}/members`);
  await mentor.getByLabel("Joins as").selectOption("learner");
  await mentor.getByLabel("Uses").fill("1");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link", { exact: true }).inputValue();
  for (const theme of THEMES) {
    const newcomer = await anonymousPage(browser);
    await scan(newcomer.page, "newcomer", theme, [{ name: "invite landing", path: new URL(link).pathname }]);
    await newcomer.close();
  }
});
