import pg from "pg";
import { expect, test } from "@/e2e/support/fixtures";
import { mailTo } from "@/e2e/support/mailbox";

// An admin finds what Cairn's background work left undone: opens Admin → Jobs from the admin home, sees the jobs and
// a mail that failed every retry, and puts it back in the outbox with Retry, after which it is sent. What the page lists and that only an
// admin may act on it is proved in lib/features/jobs/jobs.test.ts.
const MAIL = { to: "bounced.learner@example.org", subject: "Your attempt was reviewed" };

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO mails (id, to_address, kind, subject, text_body, html_body, status, attempts, last_error, created_at, updated_at)
       VALUES (uuidv7(), $1, 'decision', $2, 'Hi', '<p>Hi</p>', 'failed', 5, '550 mailbox unavailable', now(), now())`,
      [MAIL.to, MAIL.subject],
    ),
  );
});

test("an admin opens Jobs, sees the jobs and a failed mail, and retries it", async ({ signIn }) => {
  test.setTimeout(90_000);
  const page = await signIn("admin", { home: /\/admin$/ });
  await page.getByRole("main").getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Background jobs" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Failed runs" })).toBeVisible();

  const failed = page.getByRole("region", { name: "Failed mails" });
  const row = failed.getByRole("row").filter({ hasText: MAIL.subject });
  await expect(row).toContainText(MAIL.to);
  await expect(row).toContainText("550 mailbox unavailable");
  await row.getByRole("button", { name: `Retry “${MAIL.subject}” to ${MAIL.to}` }).click();
  await expect(page.getByText("The mail is back in the outbox", { exact: true })).toBeVisible();
  await expect(failed.getByText(MAIL.subject)).toHaveCount(0);

  // This run has a real mail server: the retried mail goes out at once, on its first new attempt.
  const delivered = await mailTo(MAIL.to, new RegExp(`^${MAIL.subject}$`));
  expect(delivered.body).toContain("Hi");
  await expect
    .poll(async () => (await withDatabase((client) => client.query("SELECT status, attempts FROM mails WHERE to_address = $1", [MAIL.to]))).rows[0])
    .toEqual({ status: "sent", attempts: 1 });
});
