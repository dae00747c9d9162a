import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "@/e2e/support/fixtures";
import { PLAIN_TEXT_NOTE } from "@/components/markdown-html";
import { serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { HOSTILE_SHAPES } from "@/test/hostile-markdown";

// Text shaped to stall a Markdown parser, at each field's longest, written through the UI by a learner, a mentor and
// an admin; then the pages that show it, loaded all at once, while /api/health keeps answering (docs/security.md
// #34). Uses a demo learner no other spec touches.
const LEARNER = { email: "gabriel.moreau@example.com", name: "Gabriel Moreau" };
const MILESTONE = { key: "onnx-portability", title: "Portable models with ONNX" };
const ROADMAP = { title: "Hostile text roadmap", slug: "hostile-text", milestone: "Track every experiment" };

/** A hostile shape filling a field of `length` characters, ending in a paragraph that names it. */
function hostile(shape: string, length: number, name: string): { text: string; name: string } {
  const tail = `\n\n${name}`;
  return { text: HOSTILE_SHAPES[shape]!(length - tail.length) + tail, name };
}

const TEXT = {
  note: hostile("bullet list markers on one line", 20_000, "End of the hostile submission note"),
  thread: hostile("emphasis run", 5_000, "End of the hostile message"),
  privateNote: hostile("ordered list markers on one line", 5_000, "End of the hostile private note"),
  checkin: hostile("unclosed comments in one paragraph", 2_000, "End of the hostile check-in"),
  review: hostile("mixed container markers", 20_000, "End of the hostile review comment"),
  description: hostile("block quote markers", 20_000, "End of the hostile description"),
  preview: hostile("emphasis nested thousands deep", 20_000, "End of the hostile preview"),
};

/** Asks /api/health again and again until stopped; resolves to how long each answer took, in milliseconds. */
function watchHealth(request: APIRequestContext) {
  let stopped = false;
  const durations: number[] = [];
  const watching = (async () => {
    while (!stopped) {
      const started = Date.now();
      const response = await request.get("/api/health", { timeout: 60_000 });
      durations.push(Date.now() - started);
      expect(response.ok()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    stopped = true;
    await watching;
    return durations;
  };
}

test("hostile text never stalls Cairn", async ({ request, signedInPage }) => {
  test.setTimeout(240_000);
  const stopWatching = watchHealth(request);

  // The learner: a submission note, a message to the mentors and a private note.
  const learner = await signedInPage(LEARNER.email, { home: /\/roadmap$/ });
  await learner.goto(`/roadmap/${MILESTONE.key}`);
  await expect(learner.getByRole("heading", { level: 1, name: MILESTONE.title })).toBeVisible();
  await learner.getByLabel("Link 1 URL").fill("https://github.com/gabriel/onnx-export/pull/3");
  await learner.getByRole("textbox", { name: "Note (optional)" }).fill(TEXT.note.text);
  await learner.getByRole("button", { name: "Submit for review" }).click();
  const attempt = learner.getByRole("listitem", { name: "Attempt 1" });
  await expect(attempt.getByText("Waiting for review")).toBeVisible();
  await expect(attempt.getByText(TEXT.note.name).first()).toBeVisible();
  await expect(attempt.getByText(PLAIN_TEXT_NOTE)).toBeVisible();

  await learner.getByLabel("Message to your mentors").fill(TEXT.thread.text);
  await learner.getByRole("button", { name: "Send" }).click();
  const conversation = learner.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByText(TEXT.thread.name).first()).toBeVisible();

  await learner.getByLabel("New private note").fill(TEXT.privateNote.text);
  await learner.getByRole("button", { name: "Add note" }).click();
  await expect(learner.getByRole("region", { name: "Private notes" }).getByText(TEXT.privateNote.name).first()).toBeVisible();

  // The learner's weekly check-in, closed out with the text.
  await learner.goto("/check-ins");
  const thisWeek = learner.getByRole("region", { name: "This week" });
  await thisWeek.getByRole("checkbox").first().check();
  await thisWeek.getByRole("button", { name: "Save plan" }).click();
  await expect(learner.getByText("Plan saved", { exact: true }).first()).toBeVisible();
  await thisWeek.getByText("Close out the week").click();
  await thisWeek.getByLabel("Learned").fill(TEXT.checkin.text);
  await thisWeek.getByLabel("Actual hours").fill("6");
  await thisWeek.getByRole("button", { name: "Close out week" }).click();
  await expect(learner.getByText("Week closed out", { exact: true }).first()).toBeVisible();

  // The mentor asks for changes with a comment of the same kind.
  const mentor = await signedInPage("mentor", { home: /\/reviews$/ });
  await mentor.goto("/reviews?learner=gabriel");
  await mentor.getByRole("listitem", { name: `${LEARNER.name}: ${MILESTONE.title}` }).getByRole("link", { name: MILESTONE.title }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: MILESTONE.title })).toBeVisible();
  const reviewUrl = mentor.url();
  await expect(mentor.getByRole("region", { name: "This attempt (1)" }).getByText(PLAIN_TEXT_NOTE)).toBeVisible();
  await mentor.getByLabel("Comment", { exact: true }).fill(TEXT.review.text);
  await mentor.getByRole("button", { name: "Request changes" }).click();
  await expect(mentor).not.toHaveURL(reviewUrl);

  // The admin: a roadmap whose milestone description is the text, and a pasted one in the live preview.
  const source = await readFile(path.join(process.cwd(), "content", "roadmaps", "mlops-roadmap-2026.md"), "utf8");
  const parsed = parseRoadmapMarkdown(source);
  if (!parsed.ok) throw new Error("the seeded roadmap does not parse");
  const roadmap = { ...parsed.document, title: ROADMAP.title, slug: ROADMAP.slug };
  const milestone = roadmap.phases.flatMap((phase) => phase.milestones).find((item) => item.title === ROADMAP.milestone)!;
  milestone.description = TEXT.description.text;
  const admin = await signedInPage("admin", { home: /\/admin$/ });
  await admin.goto("/admin/roadmaps/import");
  await admin.getByLabel("Paste text").check();
  await admin.getByLabel("Format").selectOption("json");
  await admin.getByLabel("Roadmap text").fill(serializeRoadmapJson(roadmap));
  await admin.getByRole("button", { name: "Preview" }).click();
  await admin.getByRole("button", { name: "Import as draft" }).click();
  await expect(admin).toHaveURL(/\/admin\/roadmaps\/[0-9a-f-]{36}\/versions\/1$/);
  await admin.getByRole("navigation", { name: "Roadmap outline" }).getByRole("link", { name: ROADMAP.milestone, exact: true }).click();
  const preview = admin.getByRole("region", { name: "Description preview" });
  await expect(preview.getByText(PLAIN_TEXT_NOTE)).toBeVisible();
  const editorUrl = admin.url();
  await admin.getByRole("textbox", { name: /^Description/ }).fill(TEXT.preview.text);
  await expect(preview.getByText(TEXT.preview.name).first()).toBeVisible();
  await expect(preview.getByText(PLAIN_TEXT_NOTE)).toBeVisible();

  // Every page that shows the text, all at once.
  const checkins = await learner.context().newPage();
  await Promise.all([
    learner.goto(`/roadmap/${MILESTONE.key}`),
    checkins.goto("/check-ins"),
    mentor.goto(reviewUrl),
    admin.goto(editorUrl),
  ]);

  const attempts = learner.getByRole("region", { name: "Attempts" });
  await expect(attempts.getByText(TEXT.note.name).first()).toBeVisible();
  await expect(attempts.getByText(TEXT.review.name).first()).toBeVisible();
  await expect(learner.getByRole("region", { name: "Conversation" }).getByText(TEXT.thread.name).first()).toBeVisible();
  await expect(learner.getByRole("region", { name: "Private notes" }).getByText(TEXT.privateNote.name).first()).toBeVisible();

  await expect(checkins.getByText(TEXT.checkin.name).first()).toBeVisible();

  const thisAttempt = mentor.getByRole("region", { name: "This attempt (1)" });
  await expect(thisAttempt.getByText(TEXT.note.name).first()).toBeVisible();
  await expect(thisAttempt.getByText(TEXT.review.name).first()).toBeVisible();
  await expect(mentor.getByRole("region", { name: "Conversation" }).getByText(TEXT.thread.name).first()).toBeVisible();

  // The admin's unsaved preview edit comes back after the reload (decision 055); discarding it shows what is saved.
  await admin.getByRole("status").filter({ hasText: "Your unsaved edits are back" }).getByRole("button", { name: "Discard them" }).click();
  await expect(admin.getByRole("region", { name: "Description preview" }).getByText(TEXT.description.name).first()).toBeVisible();

  const durations = await stopWatching();
  expect(durations.length).toBeGreaterThan(10);
  // Before the budget, one of these pages kept the process busy for minutes and the health check waited with it.
  expect(Math.max(...durations)).toBeLessThan(5_000);
});
