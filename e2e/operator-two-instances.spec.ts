import { spawnSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInThroughApi, startCairn, type CairnProcess } from "@/e2e/support/cairn-instance";
import { hydrated } from "@/e2e/support/hydrated";
import { LOGIN_RATE_LIMITED } from "@/lib/auth/constants";

// An operator runs two Cairn instances on one database, as behind a load balancer: A is the e2e run's server, B a
// second server on the same database and session secret. Whatever instance a request reaches, Cairn behaves as
// one (docs/security.md #31). Uses demo people no other journey touches.
const PASSWORD = "cairn-demo";
const LEARNER = "emil.johansson@example.com";
const SECOND_MENTOR = { email: "noor.second-mentor@example.com", name: "Noor Haddad" };
const RACE_LEARNER = { email: "fatima.zahra@example.com", name: "Fatima Zahra El Idrissi" };

let a: string;
let b: CairnProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  a = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
  b = await startCairn();
});

test.afterAll(async () => {
  await b?.stop();
});

async function signIn(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  expect(await signInThroughApi(context.request, base, email, PASSWORD)).toBeNull();
  return context.newPage();
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("a session made on A works on B, and signing out on A ends it on B at once", async ({ browser }) => {
  // The first requests to a freshly started server load its code; on two busy cores that takes a while.
  test.setTimeout(90_000);
  const onA = await signIn(browser, a, LEARNER);
  await onA.goto("/roadmap");
  await expect(onA.getByRole("heading", { level: 1, name: "MLOps Roadmap 2026" })).toBeVisible();
  // The account menu opens on click once the page's scripts have run; a key pressed earlier is lost.
  const account = await hydrated(onA.getByRole("button", { name: /^Account:/ }));
  const onB = await (await browser.newContext({ baseURL: b.url })).newPage();
  await onB.context().addCookies(await onA.context().cookies());
  await onB.goto("/roadmap");
  await expect(onB.getByRole("heading", { level: 1, name: "MLOps Roadmap 2026" })).toBeVisible();

  await account.click();
  await onA.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(onA).toHaveURL(/\/login/);
  await onB.goto("/roadmap");
  await expect(onB).toHaveURL(/\/login/);
  await onA.context().close();
  await onB.context().close();
});

test("the sign-in limit counts attempts on A and B together", async ({ request }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  // How many wrong passwords one instance allows for one email before refusing…
  let allowed = 0;
  while ((await signInThroughApi(request, a, `limit-a-${run}@example.com`, "not-the-password")) !== LOGIN_RATE_LIMITED) {
    allowed += 1;
    expect(allowed, "the sign-in limit never refused").toBeLessThan(50);
  }
  expect(allowed).toBeGreaterThan(1);

  // …is all the two instances together allow: alternating between them, the refusal comes just as soon.
  const email = `limit-ab-${run}@example.com`;
  const answers: string[] = [];
  for (let attempt = 0; attempt <= allowed; attempt += 1) {
    answers.push((await signInThroughApi(request, attempt % 2 === 0 ? a : b.url, email, "not-the-password")) ?? "none");
  }
  expect(answers.slice(0, allowed).every((answer) => answer !== LOGIN_RATE_LIMITED)).toBe(true);
  expect(answers.at(-1)).toBe(LOGIN_RATE_LIMITED);
});

test("two mentors deciding one attempt at once, one through each instance: one decision, the other told who made it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const added = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "e2e/support/add-mentor.ts", SECOND_MENTOR.email, SECOND_MENTOR.name],
    { env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8" },
  );
  expect(added.status, added.stderr).toBe(0);
  const submissionId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM submissions s
         JOIN progress p ON p.id = s.progress_id
         JOIN memberships m ON m.id = p.membership_id
         JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 AND s.status = 'pending'
        ORDER BY s.created_at DESC LIMIT 1`,
      [RACE_LEARNER.email],
    );
    return rows[0]!.id;
  });

  const morgan = await signIn(browser, a, "mentor@example.com");
  const noor = await signIn(browser, b.url, SECOND_MENTOR.email);
  for (const page of [morgan, noor]) {
    await page.goto(`/reviews/${submissionId}`);
    // `a` moves to "Approve" once the page's scripts run, so the click below reaches its handler.
    await page.keyboard.press("a");
    await expect(page.getByRole("button", { name: "Approve" })).toBeFocused();
  }
  await Promise.all([morgan.getByRole("button", { name: "Approve" }).click(), noor.getByRole("button", { name: "Approve" }).click()]);

  const approved = `Approved ${RACE_LEARNER.name}'s attempt.`;
  const toasts = (page: Page) => page.getByText(new RegExp(`^(${approved.replace(/[.']/g, "\\$&")}|Already decided by .+)$`));
  await expect(toasts(morgan).first()).toBeVisible();
  await expect(toasts(noor).first()).toBeVisible();
  const [morganSaw, noorSaw] = [await toasts(morgan).first().textContent(), await toasts(noor).first().textContent()];

  const reviews = await withDatabase(async (client) =>
    (
      await client.query<{ name: string }>(
        "SELECT u.name FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.submission_id = $1",
        [submissionId],
      )
    ).rows,
  );
  expect(reviews).toHaveLength(1);
  const winner = reviews[0]!.name;
  const [winnerSaw, loserSaw] = winner === "Morgan Reyes" ? [morganSaw, noorSaw] : [noorSaw, morganSaw];
  expect(winnerSaw).toBe(approved);
  expect(loserSaw).toMatch(new RegExp(`^Already decided by ${winner} at `));
  await morgan.context().close();
  await noor.context().close();
});
