import { expect, test } from "@/e2e/support/fixtures";
import { hydrated } from "@/e2e/support/hydrated";

// A mentor clears the queue: claim, tick the criteria, request changes with the comment they wrote and a saved
// reply, the learner resubmits, approve, the learner sees it. Uses a demo learner no other spec touches (Bruno Costa, whose second portfolio project is waiting).
const MENTOR = "mentor@example.com";
const LEARNER = { email: "bruno.costa@example.com", name: "Bruno Costa" };
const PROJECT = { key: "dockerized-inference-service", title: "Dockerized inference service with CI/CD" };

test("mentor clears the queue", async ({ page, signIn, signedInPage }) => {
  test.setTimeout(120_000);
  await signIn(MENTOR, { home: /\/reviews$/ });
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Cohorts" }).getByRole("link", { name: /MLOps Cohort 2027/ })).toBeVisible();

  // Filters are a plain form in the query string.
  await page.getByLabel("Learner").fill("bruno");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/reviews\?.*learner=bruno/);
  // The heading counts what the filters show, not the whole queue.
  await expect(page.getByText(/^1 attempt of \d+ waiting matches these filters, oldest first\.$/)).toBeVisible();
  const row = page.getByRole("listitem", { name: `${LEARNER.name}: ${PROJECT.title}` });
  await expect(row.getByText(/^waiting \d+ (hours|days)$/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Waiting attempts, oldest first" }).getByRole("listitem")).toHaveCount(1);

  // Claim: it sticks across a reload, and the mentor can open the attempt from the row.
  // The button works once React has taken over the server's HTML; a click before that would be lost.
  await (await hydrated(row.getByRole("button", { name: /^Claim / }))).click();
  await expect(row.getByText("Claimed by you")).toBeVisible();
  await page.reload();
  await expect(row.getByText("Claimed by you")).toBeVisible();
  await row.getByRole("link", { name: PROJECT.title }).click();

  await expect(page.getByRole("heading", { level: 1, name: PROJECT.title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Done when" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "This attempt (1)" }).getByRole("link").first()).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow ugc",
  );
  await expect(page.getByRole("button", { name: /^Release / })).toBeVisible();

  // `?` lists every shortcut; Escape closes the list and the shortcuts work again.
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByText("Single keys work whenever you are not typing in a field.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toHaveCount(0);

  // An empty comment cannot request changes; `r` opens the comment box.
  const comment = page.getByLabel("Comment", { exact: true });
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByText("Say what needs to change: a comment is required to request changes.")).toBeVisible();
  await comment.blur();
  await page.keyboard.press("r");
  await expect(comment).toBeFocused();

  // A saved reply: written once, saved from the picker that Ctrl+/ opens in the box, found again by typing.
  await page.keyboard.type("Add a **health check** to the image and pin the base image digest.");
  await page.keyboard.press("Control+/");
  const picker = page.getByRole("dialog", { name: "Saved replies" });
  await expect(picker.getByRole("combobox", { name: "Find a saved reply" })).toBeFocused();
  await picker.getByLabel("Save the comment box as a reply").fill("Health check");
  await picker.getByRole("button", { name: "Save reply" }).click();
  await expect(page.getByText("Saved “Health check” to your replies.", { exact: true })).toBeVisible();
  await expect(picker.getByRole("listbox", { name: "Your saved replies" }).getByRole("option", { name: /^Health check/ })).toBeVisible();
  await picker.getByRole("combobox").press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(comment).toBeFocused();
  await comment.fill("");

  // Done when is a checklist: ticking writes what is met and what is not yet, and suggests a decision.
  const doneWhen = page.getByRole("region", { name: "Done when" });
  const criteria = doneWhen.getByRole("checkbox");
  await expect(criteria).toHaveCount(3);
  await criteria.nth(0).check();
  await criteria.nth(1).check();
  await expect(comment).toHaveValue(
    /^\*\*Met:\*\*\n- Every push runs tests and builds the image\.\n- A merge .+\n\n\*\*Not yet:\*\*\n- The rollback .+$/,
  );
  await expect(doneWhen.getByText("1 criterion is not met yet: Request changes is suggested.")).toBeVisible();
  await criteria.nth(2).check();
  await expect(doneWhen.getByText("Every criterion is met: Approve is suggested.")).toBeVisible();
  await expect(comment).not.toHaveValue(/Not yet/);
  await criteria.nth(2).uncheck();
  await expect(comment).toHaveValue(/\*\*Not yet:\*\*\n- The rollback/);

  // The saved reply goes in at the cursor, below the checklist's text; `/` opens the picker, Enter inserts.
  await comment.focus();
  await comment.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await comment.blur();
  await page.keyboard.press("/");
  await expect(picker.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("health");
  await expect(picker.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(picker).toHaveCount(0);
  await expect(comment).toHaveValue(/\*\*Not yet:\*\*\n- The rollback .+\n\nAdd a \*\*health check\*\* to the image and pin the base image digest\.$/);
  // A reply in a paragraph of its own leaves the checklist's text in its charge: ticking rewrites it, keeping the reply.
  await criteria.nth(2).check();
  await expect(comment).toHaveValue(/^\*\*Met:\*\*\n(- .+\n){2}- The rollback .+\n\nAdd a \*\*health check\*\*/);
  // Once the mentor edits the checklist's text, ticking leaves the box alone and says so.
  await comment.fill((await comment.inputValue()).replace("- The rollback", "- The rollback, nearly:"));
  await criteria.nth(2).uncheck();
  await expect(doneWhen.getByText(/You edited the list in the comment box, so ticking no longer changes it\./)).toBeVisible();
  await expect(comment).not.toHaveValue(/Not yet/);
  await comment.focus();
  await page.keyboard.press("Control+Enter");
  // Nothing else of Bruno's waits: back to the filtered queue.
  await expect(page).toHaveURL(/\/reviews\?learner=bruno$/);
  await expect(page.getByRole("heading", { name: "No attempts match these filters" })).toBeVisible();

  // The learner, in a browser of their own, sees the decision and resubmits.
  const learner = await signedInPage(LEARNER.email, { home: /\/roadmap$/ });
  await learner.goto(`/roadmap/${PROJECT.key}`);
  const attempt1 = learner.getByRole("listitem", { name: "Attempt 1" });
  await expect(attempt1.getByText("Changes requested", { exact: true })).toBeVisible();
  await expect(attempt1.getByText("health check")).toBeVisible();
  await expect(attempt1.getByText("The rollback, nearly:", { exact: false })).toBeVisible();
  // The feedback opens the page, and the form starts from the attempt it is about.
  const feedback = learner.getByRole("region", { name: "Morgan Reyes requested changes on attempt 1" });
  await expect(feedback.getByText("health check")).toBeVisible();
  const resubmit = learner.getByRole("region", { name: "Edit and resubmit" });
  await expect(resubmit.getByLabel("Link 1 URL")).toHaveValue(/^https:\/\/\S+$/);
  await learner.getByLabel("Link 1 URL").fill("https://github.com/bruno-costa/inference-service/pull/9");
  await learner.getByRole("button", { name: "Submit for review" }).click();
  await expect(learner.getByRole("listitem", { name: "Attempt 2" }).getByText("Waiting for review")).toBeVisible();

  // The mentor approves the new attempt with `a`, then Enter; the earlier one shows beside it with its decision.
  await page.goto("/reviews?learner=bruno");
  await page.getByRole("listitem", { name: `${LEARNER.name}: ${PROJECT.title}` }).getByRole("link", { name: PROJECT.title }).click();
  await expect(page.getByRole("region", { name: "This attempt (2)" })).toBeVisible();
  const earlier = page.getByRole("region", { name: "Earlier attempts" });
  await expect(earlier.getByText("Changes requested", { exact: true })).toBeVisible();
  await expect(earlier.getByText("health check")).toBeVisible();
  const decided = page.url();
  await page.keyboard.press("a");
  await expect(page.getByRole("button", { name: "Approve" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reviews\?learner=bruno$/);

  // Once nothing waits for a decision, the one box only comments, into the conversation.
  await page.goto(decided);
  await expect(page.getByText(/^Approved by Morgan Reyes on /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.getByLabel("Comment", { exact: true }).fill("Well done, ship it.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Comment sent to Bruno Costa.", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Conversation" }).getByText("Well done, ship it.")).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("");

  // Saved replies are renamed and deleted in Settings.
  await page.goto("/settings#saved-replies");
  const savedReplies = page.getByRole("region", { name: "Saved replies" });
  const reply = savedReplies.getByRole("listitem", { name: "Health check" });
  await reply.getByLabel("Title").fill("Health check, please");
  await reply.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Renamed to “Health check, please”.", { exact: true })).toBeVisible();
  await savedReplies.getByRole("button", { name: "Delete “Health check, please”" }).click();
  await expect(savedReplies.getByText(/^None yet\./)).toBeVisible();

  // The learner sees "Approved" and the notification in the bell.
  await learner.reload();
  await expect(learner.getByRole("listitem", { name: "Attempt 2" }).getByText("Approved", { exact: true })).toBeVisible();
  await expect(learner.getByText("Well done, ship it.")).toBeVisible();
  await learner.getByRole("button", { name: /unread notification/ }).click();
  await expect(learner.getByRole("menuitem", { name: new RegExp(`Approved: ${PROJECT.title}`) })).toBeVisible();
});

test("a mentor sees nothing of attempts they may not review", async ({ page, signIn }) => {
  await signIn(MENTOR, { home: /\/reviews$/ });
  const unknown = await page.goto(`/reviews/${crypto.randomUUID()}`);
  expect(unknown?.status()).toBe(404);
  const malformed = await page.goto("/reviews/not-an-id");
  expect(malformed?.status()).toBe(404);
  const otherCohort = await page.goto(`/reviews?cohort=${crypto.randomUUID()}`);
  expect(otherCohort?.status()).toBe(404);
});
