import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@/e2e/support/fixtures";

// docs/ci-evidence.md's shell step, taken from the page itself, submits a commit and a workflow run to the running
// Cairn over real HTTP, as a pipeline would: the first run stores the attempt (201), a second run of the same CI run
// stores nothing (200), and the learner's milestone page and the mentor's review screen show it "from CI". Uses a
// cohort, learner and mentor of its own (e2e/support/ci-learner.ts), so the demo cohort's queue stays as it was.
const LEARNER = "casey.pipeline@example.com";
const MENTOR = "morgan.review@example.com";

const DOC = readFileSync("docs/ci-evidence.md", "utf8");

/** The first fenced block of `language` after `heading`. */
function blockAfter(heading: string, language: string): string {
  const section = DOC.slice(DOC.indexOf(`\n${heading}\n`));
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)\\n```").exec(section);
  if (!match) throw new Error(`docs/ci-evidence.md has no ${language} block after "${heading}"`);
  return match[1]!;
}

const STEP = blockAfter("## The shell step", "sh");

test("the GitHub Actions step runs the documented shell step word for word", () => {
  const workflow = blockAfter("## GitHub Actions", "yaml");
  const run = workflow.slice(workflow.indexOf("run: |\n") + "run: |\n".length);
  const indent = /^ */.exec(run)![0];
  expect(run.split("\n").map((line) => line.slice(indent.length)).join("\n")).toBe(STEP);
});

test("a pipeline submits its commit and run with the documented step; run twice it stores one attempt, shown as from CI", async ({
  signIn,
  signedInPage,
}) => {
  // Preparing the cohort starts a tsx process, then two people sign in: more than the default 30 seconds on a busy machine.
  test.setTimeout(90_000);
  const setUp = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "e2e/support/ci-learner.ts", LEARNER, MENTOR],
    { env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8" },
  );
  expect(setUp.status, setUp.stderr).toBe(0);
  const { token, milestoneKey } = JSON.parse(setUp.stdout) as { token: string; milestoneKey: string };

  const commitUrl = "https://github.com/casey/pipeline/commit/4f2a9c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f";
  const runUrl = "https://github.com/casey/pipeline/actions/runs/987654321/attempts/1";
  const env = {
    ...process.env,
    CAIRN_URL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    CAIRN_TOKEN: token,
    CAIRN_MILESTONE: milestoneKey,
    CAIRN_COMMIT_URL: commitUrl,
    CAIRN_RUN_URL: runUrl,
    CAIRN_RUN_KEY: "github-123-987654321-1",
  };
  // The step is POSIX: once with the system's plain sh, and again with bash, as CI images differ.
  const run = (shell: string) => {
    const result = spawnSync(shell, ["-c", STEP], { env, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    return { status: lines.at(-1), body: JSON.parse(lines.slice(0, -1).join("\n")) as { id: string; source: string; links: unknown } };
  };
  const first = run("sh");
  expect(first.status).toBe("HTTP 201");
  expect(first.body).toMatchObject({
    milestoneKey,
    status: "pending",
    source: "ci",
    links: [
      { url: commitUrl, label: "Commit", kind: "github_commit" },
      { url: runUrl, label: "CI run", kind: "github_actions_run" },
    ],
  });
  const second = run("bash");
  expect(second.status).toBe("HTTP 200");
  expect(second.body.id).toBe(first.body.id);

  const page = await signIn(LEARNER);
  await page.goto(`/roadmap/${milestoneKey}`);
  const attempts = page.getByRole("listitem", { name: /^Attempt \d+$/ });
  await expect(attempts).toHaveCount(1);
  await expect(attempts.first().getByText("from CI", { exact: true })).toBeVisible();
  await expect(attempts.first().getByRole("link", { name: /Commit/ })).toBeVisible();

  const mentor = await signedInPage(MENTOR);
  await mentor.goto(`/reviews/${first.body.id}`);
  await expect(mentor.getByRole("region", { name: "This attempt (1)" }).getByText("from CI", { exact: true })).toBeVisible();
});
