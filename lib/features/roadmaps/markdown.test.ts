import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { validateRoadmapDocument } from "@/lib/features/roadmaps/schema";
import type { RoadmapDocument, RoadmapMilestone, RoadmapParseResult } from "@/lib/features/roadmaps/types";
import { slugify } from "@/lib/features/roadmaps/utils";
import { roadmapMilestone } from "@/prisma/factories/roadmaps";

const articleTemplate = readFileSync(new URL("./fixtures/article-template.md", import.meta.url), "utf8");
const defaultRoadmap = readFileSync(new URL("../../../content/roadmaps/mlops-roadmap-2026.md", import.meta.url), "utf8");

function parsed(text: string): RoadmapDocument {
  const result = parseRoadmapMarkdown(text);
  if (!result.ok) throw new Error(`expected the file to parse:\n${result.errors.map((e) => `${e.line}: ${e.message}`).join("\n")}`);
  return result.document;
}

function errorsOf(text: string) {
  const result = parseRoadmapMarkdown(text);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.errors;
}

function milestones(document: RoadmapDocument): RoadmapMilestone[] {
  return document.phases.flatMap((phase) => phase.milestones);
}

/** Export → import, asserting the document survives unchanged and the export is stable. */
function roundTrip(document: RoadmapDocument): RoadmapDocument {
  const markdown = serializeRoadmapMarkdown(document);
  const result: RoadmapParseResult = parseRoadmapMarkdown(markdown);
  if (!result.ok) throw new Error(`export did not re-import:\n${markdown}\n${JSON.stringify(result.errors, null, 2)}`);
  expect(result.document).toEqual(document);
  expect(serializeRoadmapMarkdown(result.document)).toBe(markdown);
  return result.document;
}

function minimalDocument(overrides: Partial<RoadmapDocument> = {}): RoadmapDocument {
  return {
    title: "Minimal",
    slug: "minimal",
    summary: "",
    phases: [{ key: "only", title: "Only", description: "", milestones: [roadmapMilestone("first")] }],
    projects: [],
    weeklyRule: [],
    criteria: [],
    notes: [],
    ...overrides,
  };
}

// The article's "template you can copy", same shape, different words.
const ownWordsTemplate = `# Data Engineering Roadmap: starter plan
## Goal
Go from ad-hoc queries to dependable, scheduled data pipelines.
## Phase 1: Query basics
- Write SQL for filtering, joining, and aggregating.
- Use the shell for file wrangling.
- Model transformations with dbt.
## Phase 2: Project hygiene
- Snapshot every dataset with a date and a checksum.
- Lay out a tidy project folder:
- models/
- seeds/
- macros/
- analyses/ (scratch only, never shipped)
## Phase 3: Scheduling
- Run jobs on a scheduler.
- Alert on late or missing data.
## Portfolio projects
1. Nightly warehouse load with tests
2. Streaming ingestion demo
3. Data quality dashboard
## Weekly execution rule
- 2 days: read
- 3 days: build
- 1 day: write it up
- 1 day: rest
## Success criteria
- I can rebuild the warehouse from raw files.
- I can tell which job produced any table.
- I can onboard a teammate in one afternoon.
`;

describe("parseRoadmapMarkdown — the article's template shape", () => {
  it("imports a template written in the same shape as the article's", () => {
    const document = parsed(ownWordsTemplate);
    expect(document.title).toBe("Data Engineering Roadmap: starter plan");
    expect(document.slug).toBe("data-engineering-roadmap-starter-plan");
    expect(document.summary).toBe("Go from ad-hoc queries to dependable, scheduled data pipelines.");
    expect(document.phases.map((phase) => phase.key)).toEqual(["query-basics", "project-hygiene", "scheduling"]);
    expect(document.phases.map((phase) => phase.milestones.length)).toEqual([3, 2, 2]);
    expect(milestones(document).map((m) => m.key)).toEqual([
      "write-sql-for-filtering-joining-and-aggregating",
      "use-the-shell-for-file-wrangling",
      "model-transformations-with-dbt",
      "snapshot-every-dataset-with-a-date-and-a-checksum",
      "lay-out-a-tidy-project-folder",
      "run-jobs-on-a-scheduler",
      "alert-on-late-or-missing-data",
    ]);
    expect(document.projects.map((project) => project.key)).toEqual([
      "nightly-warehouse-load-with-tests",
      "streaming-ingestion-demo",
      "data-quality-dashboard",
    ]);
    expect(document.weeklyRule).toEqual(["2 days: read", "3 days: build", "1 day: write it up", "1 day: rest"]);
    expect(document.criteria.map((criterion) => criterion.key)).toEqual([
      "i-can-rebuild-the-warehouse-from-raw-files",
      "i-can-tell-which-job-produced-any-table",
      "i-can-onboard-a-teammate-in-one-afternoon",
    ]);
    expect(document.notes).toEqual([]);
  });

  it("keeps flattened sub-bullets after a bullet ending in a colon as that bullet's description", () => {
    const folder = milestones(parsed(ownWordsTemplate)).find((m) => m.key === "lay-out-a-tidy-project-folder");
    expect(folder?.title).toBe("Lay out a tidy project folder:");
    expect(folder?.description).toBe("- models/\n- seeds/\n- macros/\n- analyses/ (scratch only, never shipped)");
  });

  it("applies the documented defaults when the template has no attributes", () => {
    const document = parsed(ownWordsTemplate);
    for (const m of milestones(document)) {
      expect(m).toMatchObject({ evidence: "optional", reviewRequired: false, effortHours: null, doneWhen: [], resources: [] });
    }
    for (const project of document.projects) {
      expect(project).toMatchObject({ evidence: "required", reviewRequired: true, milestoneKeys: [], doneWhen: [] });
    }
  });

  it("imports the article's template as-is", () => {
    const document = parsed(articleTemplate);
    expect(document.title).toBe("MLOps Roadmap 2026: copy-ready learning plan");
    expect(document.summary).toBe("Move from ML experimentation to production-ready MLOps delivery.");
    expect(document.phases.map((phase) => phase.title)).toEqual([
      "Core foundations",
      "Production habits",
      "Automation",
      "Cloud and infrastructure",
      "Orchestration",
      "Monitoring",
      "Advanced topics",
    ]);
    expect(document.phases.map((phase) => phase.milestones.length)).toEqual([4, 3, 4, 4, 3, 4, 3]);
    const repo = document.phases[1]?.milestones[2];
    expect(repo?.key).toBe("create-a-clean-repo-structure");
    expect(repo?.description.split("\n")).toEqual([
      "- src/",
      "- tests/",
      "- configs/",
      "- pipelines/",
      "- notebooks/ (optional, not source of truth)",
    ]);
    expect(document.projects.map((project) => project.title)).toEqual([
      "Batch training pipeline with experiment tracking",
      "Dockerized inference service with CI/CD",
      "Cloud-deployed model with monitoring dashboard",
      "Drift detection job that triggers retraining",
      "Explainability report for one production model",
    ]);
    expect(document.weeklyRule).toHaveLength(6);
    expect(document.weeklyRule[0]).toBe("1 day: learn");
    expect(document.criteria.map((criterion) => criterion.key)).toEqual([
      "i-can-reproduce-a-model-run-from-scratch",
      "i-can-deploy-and-roll-back-a-model",
      "i-can-explain-what-changed-when-performance-drops",
      "i-can-hand-the-project-to-another-engineer-without-chaos",
    ]);
    roundTrip(document);
  });

  it("reads CRLF files exactly like LF files", () => {
    expect(parsed(articleTemplate.replace(/\n/g, "\r\n"))).toEqual(parsed(articleTemplate));
    expect(parsed(defaultRoadmap.replace(/\n/g, "\r\n"))).toEqual(parsed(defaultRoadmap));
  });
});

describe("the default roadmap (content/roadmaps/mlops-roadmap-2026.md)", () => {
  const document = parsed(defaultRoadmap);

  it("parses with no errors and has the expected shape", () => {
    expect(document.title).toBe("MLOps Roadmap 2026");
    expect(document.slug).toBe("mlops-roadmap-2026");
    expect(document.phases).toHaveLength(7);
    expect(document.projects).toHaveLength(5);
    expect(document.weeklyRule).toHaveLength(6);
    expect(document.criteria).toHaveLength(4);
    const count = milestones(document).length;
    expect(count).toBeGreaterThanOrEqual(28);
    expect(count).toBeLessThanOrEqual(40);
    for (const phase of document.phases) expect(phase.milestones.length).toBeGreaterThanOrEqual(3);
  });

  it("gives every milestone a description and concrete 'Done when' outputs, and every project its milestones", () => {
    for (const m of milestones(document)) {
      expect(m.description, m.key).not.toBe("");
      expect(m.doneWhen.length, m.key).toBeGreaterThanOrEqual(1);
      expect(m.doneWhen.length, m.key).toBeLessThanOrEqual(3);
      expect(m.resources.length, m.key).toBeLessThanOrEqual(2);
      expect(m.effortHours, m.key).not.toBeNull();
    }
    for (const project of document.projects) {
      expect(project.milestoneKeys.length, project.key).toBeGreaterThan(0);
      expect(project.doneWhen.length, project.key).toBeGreaterThan(0);
    }
  });

  it("phrases the weekly rule as 'N day(s): activity'", () => {
    for (const rule of document.weeklyRule) expect(rule).toMatch(/^\d days?: \S/);
    const days = document.weeklyRule.reduce((sum, rule) => sum + Number(/^\d+/.exec(rule)?.[0]), 0);
    expect(days).toBe(7);
  });

  it("is stored in canonical export form, so exporting it changes nothing", () => {
    expect(serializeRoadmapMarkdown(document)).toBe(defaultRoadmap);
    roundTrip(document);
  });
});

describe("serializeRoadmapMarkdown → parseRoadmapMarkdown is lossless", () => {
  it("writes attributes in the documented syntax", () => {
    const markdown = serializeRoadmapMarkdown(
      minimalDocument({
        phases: [
          {
            key: "ship",
            title: "Ship",
            description: "",
            milestones: [
              roadmapMilestone("docker", {
                title: "Package the model as a container",
                description: "Write a Dockerfile.",
                doneWhen: ["The image builds in CI."],
                resources: [{ label: "Docker docs", url: "https://docs.docker.com/" }],
                evidence: "required",
                reviewRequired: true,
                effortHours: 6,
              }),
            ],
          },
        ],
        projects: [
          {
            key: "service",
            title: "Inference service",
            description: "",
            doneWhen: [],
            evidence: "required",
            reviewRequired: true,
            milestoneKeys: ["docker"],
          },
        ],
      }),
    );
    expect(markdown).toContain(
      [
        "- Package the model as a container {#docker}",
        "  Write a Dockerfile.",
        "",
        "  Done when:",
        "    - The image builds in CI.",
        "",
        "  Resources:",
        "    - [Docker docs](https://docs.docker.com/)",
        "",
        "  Evidence: required · Review: required · Effort: 6h",
      ].join("\n"),
    );
    expect(markdown).toContain(
      ["1. Inference service {#service}", "   Evidence: required · Review: required", "", "   Demonstrates: docker"].join("\n"),
    );
  });

  it("round-trips a document with every optional field empty", () => {
    const document = minimalDocument();
    roundTrip(document);
    expect(serializeRoadmapMarkdown(document)).toBe(
      "# Minimal {#minimal}\n\n## Phase 1: Only {#only}\n\n- Milestone first {#first}\n  Evidence: optional · Review: none\n",
    );
  });

  it("round-trips unicode titles, texts and keys that differ from their slugs", () => {
    roundTrip(
      minimalDocument({
        title: "Ruta de aprendizaje — MLOps für Einsteiger 🚀",
        slug: "ruta-mlops",
        summary: "Aprende a desplegar modelos. 日本語のテキストも大丈夫。",
        phases: [
          {
            key: "grundlagen",
            title: "Grundlagen: Python & Git ✓",
            description: "Ça commence ici — «pas à pas».",
            milestones: [
              roadmapMilestone("cafe", { title: "Café & crème brûlée: naïve façade", doneWhen: ["Größe ≤ 1 GB ✓"] }),
              roadmapMilestone("emoji-only", { title: "🚀🔥", description: "Ünïcödé **Markdown** — 中文" }),
            ],
          },
        ],
        weeklyRule: ["1 día: aprender", "2 días: construir"],
        criteria: [{ key: "kann-erklaren", text: "Ich kann erklären, was sich geändert hat. ✓" }],
        notes: [{ title: "Remarques — à lire", body: "Ceci est une note.\n\n> Citation" }],
      }),
    );
  });

  it("round-trips long Markdown descriptions with lists, code fences, headings and look-alike syntax", () => {
    const description = [
      "Start with the paragraph. It mentions {#not-a-key} and ends with {#looks-like-a-key}",
      "",
      "Done when: this line only looks like a label",
      "Resources: also just text",
      "Evidence: maybe · Review: sometimes",
      "Effort\\: already escaped once",
      "Demonstrates: nothing",
      "",
      "- a list at the description's own level",
      "  - nested item",
      "1. numbered",
      "",
      "## A heading inside the description",
      "# Even a level-one heading",
      "",
      "```python",
      "# a comment that looks like a title",
      "## and one like a section",
      "Done when:",
      "- not a bullet of anything",
      "```",
      "",
      "~~~",
      "```",
      "still code",
      "~~~",
      "",
      "\tA line starting with a tab, and trailing spaces  ",
      "   three spaces of indentation",
      "",
      "Last line.",
    ].join("\n");
    const phaseDescription = [
      "- a bullet in the phase description",
      "2. and a numbered one",
      " - already indented by one space",
      "## a heading",
      "```",
      "- code",
      "```",
    ].join("\n");
    const document = minimalDocument({
      summary: "# A heading in the goal\n\nAnd text.\n\n- a list\n## another heading",
      phases: [
        {
          key: "long",
          title: "Long descriptions {#fake}",
          description: phaseDescription,
          milestones: [
            roadmapMilestone("long-one", {
              title: "Handles everything: {#x}",
              description,
              doneWhen: ["`pytest` passes", "Evidence: a link to the run", "Ends with {#brace}"],
              resources: [
                { label: "Label with [brackets] and \\ backslash", url: "https://en.wikipedia.org/wiki/Fold_(higher-order_function)" },
                { label: "Query string", url: "https://example.com/search?q=a&b=c#frag" },
              ],
              evidence: "required",
              reviewRequired: true,
              effortHours: 12,
            }),
            roadmapMilestone("colon", { title: "A title that ends with a colon:" }),
            roadmapMilestone("after-colon", { title: "Follows the colon bullet", evidence: "none" }),
          ],
        },
      ],
      projects: [
        {
          key: "project-one",
          title: "Project with a long description",
          description,
          doneWhen: ["Shipped"],
          evidence: "optional",
          reviewRequired: false,
          milestoneKeys: ["long-one", "colon"],
        },
      ],
      weeklyRule: ["1 day: learn {#not-a-key}"],
      criteria: [{ key: "criterion", text: "I can do it. {#looks}" }],
      notes: [
        { title: "Notes with structure", body: "# heading one\n## heading two\n ## indented\n```\n# code\n```\n- list" },
        { title: "Empty note", body: "" },
      ],
    });
    roundTrip(document);
  });

  it("round-trips ten or more numbered projects, whose descriptions indent by four", () => {
    const projects = Array.from({ length: 11 }, (_, index) => ({
      key: `project-${index + 1}`,
      title: `Project ${index + 1}`,
      description: `Line one of ${index + 1}\n\n    indented code`,
      doneWhen: [`Done ${index + 1}`],
      evidence: "required" as const,
      reviewRequired: true,
      milestoneKeys: ["first"],
    }));
    roundTrip(minimalDocument({ projects }));
  });

  it("round-trips generated documents built from awkward lines", () => {
    // A small deterministic fuzz: descriptions stitched from lines that each stress one escaping rule.
    const pool = [
      "plain text",
      "",
      "- bullet",
      "  - nested",
      "10) numbered",
      "# heading",
      "## heading two",
      "### heading three",
      " # indented heading",
      "Done when:",
      "done when: lower case",
      "Review\\\\: double escaped",
      "Evidence : spaced",
      "Effort: 5h",
      "Resources:",
      "Demonstrates: a, b",
      "    four-space code",
      "\ttab",
      "> quote",
      "text {#key}",
      "trailing spaces   ",
      "***",
      "+ plus bullet",
    ];
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % max;
    };
    const text = (lines: number) =>
      Array.from({ length: lines }, () => pool[random(pool.length)] ?? "")
        .join("\n")
        .replace(/^[\s\n]+|[\s\n]+$/g, "");
    for (let run = 0; run < 60; run += 1) {
      const fenced = random(3) === 0 ? `\n\`\`\`\n${text(4)}\n\`\`\`\n` : "";
      const candidate = minimalDocument({
        summary: text(random(6)),
        phases: [
          {
            key: "fuzz",
            title: "Fuzz",
            description: text(random(6)),
            milestones: [
              roadmapMilestone("fuzz-a", { description: `${text(random(8))}${fenced}${text(random(4))}`, doneWhen: random(2) ? ["x"] : [] }),
              roadmapMilestone("fuzz-b", { description: text(random(8)), effortHours: random(2) ? 3 : null }),
            ],
          },
        ],
        notes: [{ title: `Note ${run}`, body: text(random(8)) }],
      });
      // Normalise through validation first: the generator may produce leading blank lines or whitespace-only lines.
      const validated = validateRoadmapDocument(candidate);
      if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
      roundTrip(validated.document);
    }
  });
});

describe("parseRoadmapMarkdown — the extended format", () => {
  it("reads descriptions, Done when, resources and attributes, tolerating hand-written variations", () => {
    const document = parsed(`# Hand written {#hand}

## Phase 1 — Start {#start}

* Set up the project {#setup}
    A description indented by four spaces,
    over two lines.

    done when: the repo exists
    - CI is green
      and stays green
    RESOURCES:
      - https://docs.github.com/en/actions
      - [Git](<https://git-scm.com/doc>)
    evidence: Required | review: yes
    Effort: 3 hours
- Read the docs
  Review: no; Evidence: none

## Portfolio projects

1) Show it off
   Evidence: optional
   Review: none
   Demonstrates: setup, read-the-docs
`);
    const [setup, read] = milestones(document);
    expect(setup).toEqual({
      key: "setup",
      title: "Set up the project",
      description: "A description indented by four spaces,\nover two lines.",
      doneWhen: ["the repo exists", "CI is green and stays green"],
      resources: [
        { label: "https://docs.github.com/en/actions", url: "https://docs.github.com/en/actions" },
        { label: "Git", url: "https://git-scm.com/doc" },
      ],
      evidence: "required",
      reviewRequired: true,
      effortHours: 3,
    });
    expect(read).toMatchObject({ key: "read-the-docs", evidence: "none", reviewRequired: false });
    expect(document.projects[0]).toMatchObject({
      key: "show-it-off",
      evidence: "optional",
      reviewRequired: false,
      milestoneKeys: ["setup", "read-the-docs"],
    });
  });

  it("keeps unknown sections as notes and uses text before the first section as the goal when there is no Goal", () => {
    const document = parsed("# Notes demo\n\nA goal written as an intro.\n\n## Phase 1: A\n- m\n\n## Prerequisites\n\nKnow **Python**.\n\n### Sub\n- list\n");
    expect(document.summary).toBe("A goal written as an intro.");
    expect(document.notes).toEqual([{ title: "Prerequisites", body: "Know **Python**.\n\n### Sub\n- list" }]);
  });

  it("joins a wrapped bullet title and keeps code blocks that contain '#' lines inside a note", () => {
    const document = parsed("# T\n## Phase 1: A\n- A title that wraps\nonto a second line\n## Setup\n```bash\n# install\npip install x\n```\n");
    expect(milestones(document)[0]?.title).toBe("A title that wraps onto a second line");
    expect(document.notes[0]?.body).toBe("```bash\n# install\npip install x\n```");
  });

  it("slugs titles: lower-case ASCII, accents transliterated, punctuation dropped, at most 60 characters", () => {
    expect(slugify("Learn Python for scripting, packaging, and automation.")).toBe(
      "learn-python-for-scripting-packaging-and-automation",
    );
    expect(slugify("Créer un dépôt propre — Straße, Æsir, Øre, Łódź")).toBe("creer-un-depot-propre-strasse-aesir-ore-lodz");
    expect(slugify("Don't panic!")).toBe("dont-panic");
    expect(slugify("日本語")).toBe("");
    const long = slugify("word ".repeat(30));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
    expect(slugify("x".repeat(80))).toHaveLength(60);
  });

  it("gives items whose titles slug to nothing an item-N key, and phases a phase-N key", () => {
    const document = parsed("# Emoji {#emoji}\n## Phase 1: 🚀\n- 🔥\n- ✨\n## Success criteria\n- ✓\n");
    expect(document.phases[0]?.key).toBe("phase-1");
    expect(milestones(document).map((m) => m.key)).toEqual(["item-1", "item-2"]);
    expect(document.criteria[0]?.key).toBe("item-1");
  });
});

describe("parseRoadmapMarkdown — bad input", () => {
  const valid = "# Valid\n## Phase 1: A\n- First\n";

  it("rejects an empty file on line 1", () => {
    for (const text of ["", "   ", "\n\n\t\n"]) {
      const [error] = errorsOf(text);
      expect(error?.line).toBe(1);
      expect(error?.message).toMatch(/empty/);
    }
  });

  it("rejects a file larger than 1 MB on line 1", () => {
    const errors = errorsOf(`${valid}  ${"x".repeat(1_048_576)}\n`);
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/at most 1 MB/) }]);
  });

  it("rejects a file without a title", () => {
    const errors = errorsOf("## Goal\nSomething\n## Phase 1: A\n- m\n");
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/no roadmap title/) }]);
  });

  it("rejects a file without phases, naming the title line", () => {
    const errors = errorsOf("\n# Title only\n## Goal\nSomething\n");
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/no phases/) }]);
  });

  it("rejects a phase without milestones on its heading line", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- m\n## Phase 2: Empty\n\n## Phase 3: C\n- n\n");
    expect(errors).toEqual([{ line: 4, message: expect.stringMatching(/Phase "Empty" has no milestones/) }]);
  });

  it("reports duplicate milestone keys with both lines", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- Train a model\n- Something else\n## Phase 2: B\n- Train a model!\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(6);
    expect(errors[0]?.message).toMatch(/"train-a-model"/);
    expect(errors[0]?.message).toMatch(/line 3/);
    expect(errors[0]?.message).toMatch(/line 6/);
  });

  it("treats milestones and projects as one key space", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- Ship it {#ship}\n## Portfolio projects\n1. Shipping project {#ship}\n");
    expect(errors).toEqual([{ line: 5, message: expect.stringMatching(/"ship".*line 3.*line 5/) }]);
  });

  it("reports duplicate criteria and phase keys", () => {
    const errors = errorsOf(
      "# T\n## Phase 1: A {#a}\n- m\n## Phase 2: B {#a}\n- n\n## Success criteria\n- I can ship.\n- I can ship!\n",
    );
    expect(errors.map((error) => error.line)).toEqual([4, 8]);
    expect(errors[0]?.message).toMatch(/two phases.*line 2.*line 4/);
    expect(errors[1]?.message).toMatch(/two success criteria.*line 7.*line 8/);
  });

  it("rejects unknown attribute values on their line", () => {
    const errors = errorsOf(
      "# T\n## Phase 1: A\n- m\n  Evidence: maybe\n- n\n  Review: perhaps · Effort: lots\n- o\n  Effort: 0h\n",
    );
    expect(errors).toEqual([
      { line: 4, message: expect.stringMatching(/Evidence must be "none", "optional" or "required"; "maybe"/) },
      { line: 6, message: expect.stringMatching(/Review must be "required" or "none"; "perhaps"/) },
      { line: 6, message: expect.stringMatching(/Effort must be a whole number of hours.*"lots"/) },
      { line: 8, message: expect.stringMatching(/at least 1 hour/) },
    ]);
  });

  it("rejects a Demonstrates key that names no milestone", () => {
    const errors = errorsOf(
      "# T\n## Phase 1: A\n- Real milestone\n## Portfolio projects\n1. P\n   Demonstrates: real-milestone, imaginary\n2. Q\n   Demonstrates: p\n",
    );
    expect(errors).toEqual([
      { line: 6, message: expect.stringMatching(/Project "P" demonstrates "imaginary", but no milestone has that key/) },
      { line: 8, message: expect.stringMatching(/"p", but that is a project/) },
    ]);
  });

  it("rejects resource links that are not http or https", () => {
    const errors = errorsOf(
      [
        "# T",
        "## Phase 1: A",
        "- m",
        "  Resources:",
        "    - [ok](https://example.com)",
        "    - [xss](javascript:alert(1))",
        "    - [mixed case](JaVaScRiPt:alert(1))",
        "    - [data](data:text/html,hi)",
        "    - [ftp](ftp://example.com/file)",
        "    - not a link at all",
      ].join("\n"),
    );
    expect(errors.map((error) => error.line)).toEqual([6, 7, 8, 9, 10]);
    expect(errors[0]?.message).toMatch(/only http:\/\/ and https:\/\//);
    expect(errors[4]?.message).toMatch(/\[Label\]\(https:/);
  });

  it("rejects keys that are not slugs", () => {
    const errors = errorsOf("# T {#Bad Slug}\n## Phase 1: A\n- m {#UPPER_case}\n- n {#}\n");
    expect(errors.map((error) => error.line)).toEqual([1, 3, 4]);
    expect(errors[1]?.message).toMatch(/"UPPER_case" is not a valid key/);
  });

  it("rejects a code block that is never closed, on its opening line", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- m\n  ```\n  code\n## Phase 2: B\n- n\n");
    expect(errors[0]).toEqual({ line: 4, message: expect.stringMatching(/never closed/) });
  });

  it("rejects stray text in the places the format reserves", () => {
    const errors = errorsOf(
      [
        "Some preface", //                1
        "# T", //                         2
        "## Phase 1: A", //               3
        "- m", //                         4
        "", //                            5
        "A paragraph between bullets.", // 6
        "- n", //                         7
        "  Evidence: required", //        8
        "  More description too late.", // 9
        "## Portfolio projects", //       10
        "Not numbered", //                11
        "# Second title", //              12
        "## Weekly execution rule", //    13
        "Rest on Sundays", //             14
      ].join("\n"),
    );
    expect(errors.map((error) => error.line)).toEqual([1, 6, 9, 11, 12, 14]);
    expect(errors[0]?.message).toMatch(/title .* must come first/);
    expect(errors[1]?.message).toMatch(/not a milestone/);
    expect(errors[2]?.message).toMatch(/Description text goes right under the title/);
    expect(errors[3]?.message).toMatch(/not a portfolio project/);
    expect(errors[4]?.message).toMatch(/single "# " title, on line 2/);
    expect(errors[5]?.message).toMatch(/not part of the weekly execution rule/);
  });

  it("rejects attributes in the wrong place and review without evidence", () => {
    const errors = errorsOf(
      "# T\n## Phase 1: A\n- m\n  Demonstrates: m\n- n\n  Evidence: none · Review: required\n## Portfolio projects\n1. P\n   Effort: 3h\n   Resources:\n     - [x](https://example.com)\n",
    );
    expect(errors.map((error) => error.line)).toEqual([4, 6, 9, 10, 11]);
    expect(errors[0]?.message).toMatch(/belongs to portfolio projects/);
    expect(errors[1]?.message).toMatch(/requires mentor review but no evidence/);
    expect(errors[2]?.message).toMatch(/Effort applies to milestones only/);
    expect(errors[3]?.message).toMatch(/Portfolio projects have no resources/);
  });

  it("rejects note titles that would read back as another section", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- m\n## Phase: not numbered\n- x\n## Goal\nOne\n## goal\nTwo\n");
    expect(errors).toEqual([{ line: 8, message: expect.stringMatching(/"## goal" section appears twice \(first on line 6\)/) }]);
  });

  it("collects every problem in one pass, sorted by line", () => {
    const errors = errorsOf("# T\n## Phase 1: A\n- m\n  Evidence: maybe\n## Phase 2: B\n## Portfolio projects\n1. P\n   Demonstrates: ghost\n");
    expect(errors.map((error) => error.line)).toEqual([4, 5, 8]);
  });

  it("reports a phase with too many milestones once, with the real count", () => {
    const errors = errorsOf(`# T\n## Phase 1: Huge\n${"- same title\n".repeat(80_000)}`);
    expect(errors).toEqual([{ line: 2, message: 'Phase "Huge" has 80000 milestones; a phase can have at most 60.' }]);
  });

  it("never returns a document when any line is wrong", () => {
    const result = parseRoadmapMarkdown(`${valid}  Evidence: maybe\n`);
    expect(result.ok).toBe(false);
    expect("document" in result).toBe(false);
  });
});
