// Roadmap import as shipped: the real server actions, run as a signed-in person through asUser (the session still
// goes through the database), against a real PostgreSQL. What an admin sees on the import screen, what gets
// written, and that nobody else can write anything (docs/security.md #6, #7); imported Markdown renders safely (#17).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { db } from "@/lib/db";
import { importRoadmapAction, previewRoadmapImportAction } from "@/lib/features/roadmaps/actions";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap, readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type User = Awaited<ReturnType<typeof createUser>>;

let admin: User;
let mentor: User;
let learner: User;
let defaultDocument: RoadmapDocument;

beforeAll(async () => {
  const { versionId } = await importDefaultRoadmap();
  defaultDocument = await readDefaultRoadmap();
  const cohort = await createCohort({ versionId, name: "Cohort X" });
  [admin, mentor, learner] = await Promise.all([
    createUser({ isAdmin: true, name: "Admin" }),
    createUser({ name: "Mentor X" }),
    createUser({ name: "Learner X1" }),
  ]);
  await addMember(cohort.id, mentor.id, "mentor");
  await addMember(cohort.id, learner.id, "learner");
});

/** A small roadmap in the Markdown format, with its own slug. */
function smallRoadmap(slug: string, extra = ""): string {
  return [
    `# Small roadmap {#${slug}}`,
    "",
    "## Goal",
    "",
    "Learn the basics.",
    "",
    "## How to use it",
    "",
    "Go in order.",
    "",
    "## Phase 1: Basics {#basics}",
    "",
    "- Install Python {#install-python}",
    "- Write a script {#write-a-script}",
    "",
    "## Phase 2: Shipping {#shipping}",
    "",
    "- Package it {#package-it}",
    extra,
    "## Portfolio projects",
    "",
    "1. A packaged tool {#packaged-tool}",
    "   Demonstrates: package-it",
    "",
    "## Weekly execution rule",
    "",
    "- 1 day: learn",
    "- 2 days: build",
    "",
    "## Success criteria",
    "",
    "- I can ship a package.",
    "",
  ].join("\n");
}

async function writes() {
  const [roadmaps, versions, phases, milestones, audits] = await Promise.all([
    db.roadmap.count(),
    db.roadmapVersion.count(),
    db.phase.count(),
    db.milestone.count(),
    db.auditEvent.count(),
  ]);
  return { roadmaps, versions, phases, milestones, audits };
}

function preview(user: User, input: unknown) {
  return asUser(user, () => previewRoadmapImportAction(input));
}

function importAs(user: User, input: unknown) {
  return asUser(user, () => importRoadmapAction(input));
}

function dataOf<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected the action to succeed: ${result.error}`);
  return result.data;
}

describe("Preview (writes nothing)", () => {
  it("describes a new roadmap: title, slug, counts and the outline with keys", async () => {
    const before = await writes();
    const data = dataOf(await preview(admin, { format: "markdown", text: smallRoadmap("brand-new") }));
    expect(data.status).toBe("ready");
    if (data.status !== "ready") return;
    expect(data.preview).toEqual({
      title: "Small roadmap",
      slug: "brand-new",
      target: { kind: "new" },
      blockedBy: null,
      counts: { phases: 2, milestones: 3, projects: 1, weeklyRule: 2, criteria: 1, notes: 1 },
      outline: [
        {
          key: "basics",
          title: "Basics",
          milestones: [
            { key: "install-python", title: "Install Python" },
            { key: "write-a-script", title: "Write a script" },
          ],
        },
        { key: "shipping", title: "Shipping", milestones: [{ key: "package-it", title: "Package it" }] },
      ],
      changes: null,
    });
    expect(await writes()).toEqual(before);
  });

  it("names the next version of an existing slug and the keys added, changed and removed", async () => {
    const document = { ...defaultDocument, slug: "next-version-check" };
    await importRoadmapDocument(document);
    const next = structuredClone(document);
    const removed = next.phases[0]!.milestones.shift()!;
    next.phases[1]!.milestones[0]!.title = "A new title";
    next.phases[1]!.milestones.push({ ...next.phases[1]!.milestones[0]!, key: "brand-new-milestone", title: "Brand new" });
    const before = await writes();
    const data = dataOf(await preview(admin, { format: "json", text: serializeRoadmapJson(next) }));
    if (data.status !== "ready") throw new Error("expected a preview");
    expect(data.preview.target).toMatchObject({ kind: "next-version", roadmapName: document.title, number: 2 });
    expect(data.preview.changes).toEqual({
      comparedWith: 1,
      added: ["brand-new-milestone"],
      changed: [document.phases[1]!.milestones[0]!.key],
      removed: [removed.key],
    });
    expect(await writes()).toEqual(before);
  });

  it("lists every problem with its line, and writes nothing", async () => {
    const before = await writes();
    const text = smallRoadmap("broken", "- Package it again {#package-it}\n  Evidence: maybe\n");
    const data = dataOf(await preview(admin, { format: "markdown", text }));
    expect(data).toEqual({
      status: "invalid",
      problems: [
        { where: "Line 19", message: expect.stringContaining('The key "package-it" is used twice') },
        { where: "Line 20", message: expect.stringContaining('Evidence must be "none", "optional" or "required"') },
      ],
    });
    expect((data as { problems: { message: string }[] }).problems[0]!.message).toContain("(line 18)");
    expect(await writes()).toEqual(before);
  });

  it("names the JSON path of a problem in a JSON file", async () => {
    const document = structuredClone(defaultDocument);
    document.phases[0]!.milestones[1]!.resources = [{ label: "Bad", url: "javascript:alert(1)" }];
    const data = dataOf(await preview(admin, { format: "json", text: serializeRoadmapJson(document) }));
    expect(data).toEqual({
      status: "invalid",
      problems: [
        {
          where: "roadmap.phases[0].milestones[1].resources[0].url",
          message: '"javascript:alert(1)" is not a valid link: only http:// and https:// addresses are allowed.',
        },
      ],
    });
  });

  it("refuses a resource link that hides its real host behind a user name, in either format, and writes nothing", async () => {
    const before = await writes();
    const document = structuredClone(defaultDocument);
    document.phases[0]!.milestones[1]!.resources = [{ label: "Docs", url: "https://a@evil" }];
    const message = '"https://a@evil" is not a valid link: a link cannot carry a user name or password before "@".';
    expect(dataOf(await preview(admin, { format: "json", text: serializeRoadmapJson(document) }))).toEqual({
      status: "invalid",
      problems: [{ where: "roadmap.phases[0].milestones[1].resources[0].url", message }],
    });
    const markdown = dataOf(await importAs(admin, { format: "markdown", text: serializeRoadmapMarkdown(document) }));
    expect(markdown).toEqual({ status: "invalid", problems: [{ where: expect.stringMatching(/^Line \d+$/), message }] });
    expect(await writes()).toEqual(before);
  });

  it("says when the roadmap already has an open draft", async () => {
    const document = { ...defaultDocument, slug: "preview-blocked" };
    await importRoadmapDocument(document);
    await importRoadmapDocument(document, { status: "draft" });
    const data = dataOf(await preview(admin, { format: "markdown", text: serializeRoadmapMarkdown(document) }));
    expect(data.status === "ready" && data.preview.blockedBy).toBe(
      "Version 2 is still a draft — publish or discard it before importing.",
    );
  });
});

describe("Import as draft", () => {
  it("writes a draft version with an audit row and sends the admin to the editor", async () => {
    const result = dataOf(await importAs(admin, { format: "markdown", text: smallRoadmap("imported-draft") }));
    if (result.status !== "imported") throw new Error("expected an import");
    const version = await db.roadmapVersion.findFirstOrThrow({
      where: { roadmap: { slug: "imported-draft" } },
      select: { id: true, number: true, status: true, publishedAt: true, roadmapId: true },
    });
    expect(result).toEqual({
      status: "imported",
      roadmapId: version.roadmapId,
      number: 1,
      href: `/admin/roadmaps/${version.roadmapId}/versions/1`,
    });
    expect(version).toMatchObject({ status: "draft", publishedAt: null });
    expect((await getRoadmapDocument(version.id)).phases.map((phase) => phase.key)).toEqual(["basics", "shipping"]);
    expect(await db.auditEvent.findFirst({ where: { action: "roadmap.import", targetId: version.id } })).toMatchObject({
      actorId: admin.id,
      after: { slug: "imported-draft", number: 1, status: "draft" },
    });
  });

  it("adds the next version as a draft when the slug exists, leaving the published one alone", async () => {
    const document = { ...defaultDocument, slug: "second-version" };
    const first = await importRoadmapDocument(document);
    const result = dataOf(await importAs(admin, { format: "json", text: serializeRoadmapJson(document) }));
    expect(result).toMatchObject({ status: "imported", roadmapId: first.roadmapId, number: 2 });
    const versions = await db.roadmapVersion.findMany({
      where: { roadmapId: first.roadmapId },
      orderBy: { number: "asc" },
      select: { number: true, status: true },
    });
    expect(versions).toEqual([
      { number: 1, status: "published" },
      { number: 2, status: "draft" },
    ]);
  });

  it("refuses while the roadmap has an open draft, naming it, and writes nothing", async () => {
    const document = { ...defaultDocument, slug: "has-a-draft" };
    await importRoadmapDocument(document);
    await importRoadmapDocument(document, { status: "draft" });
    const before = await writes();
    const result = await importAs(admin, { format: "markdown", text: serializeRoadmapMarkdown(document) });
    expect(result).toEqual({
      ok: false,
      code: "CONFLICT",
      error: "Version 2 is still a draft — publish or discard it before importing.",
      fieldErrors: undefined,
    });
    expect(await writes()).toEqual(before);
  });

  it("lets only one of two simultaneous imports open a draft", async () => {
    const document = { ...defaultDocument, slug: "draft-race" };
    await importRoadmapDocument(document);
    const text = serializeRoadmapMarkdown(document);
    const results = await Promise.all([1, 2, 3].map(() => importAs(admin, { format: "markdown", text })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ code: "CONFLICT", error: "Version 2 is still a draft — publish or discard it before importing." }),
      expect.objectContaining({ code: "CONFLICT" }),
    ]);
    expect(await db.roadmapVersion.count({ where: { roadmap: { slug: "draft-race" }, status: "draft" } })).toBe(1);
  });

  it("re-checks the text on the server: bad files get a clear message and nothing is written", async () => {
    const duplicate = smallRoadmap("dup-key").replace("- Package it {#package-it}", "- Package it {#install-python}");
    const noPhases = "# Just a title\n\n## Goal\n\nSomething.\n";
    const huge = `# Huge\n\n## Phase 1: P\n\n- M\n  ${"x".repeat(1_100_000)}\n`;
    const cases: [unknown, { where: string; message: string | RegExp }][] = [
      [{ format: "markdown", text: duplicate }, { where: "Line 18", message: /The key "install-python" is used twice/ }],
      [{ format: "markdown", text: noPhases }, { where: "Line 1", message: /The roadmap has no phases/ }],
      [{ format: "markdown", text: "" }, { where: "Line 1", message: /^The file is empty\./ }],
      [{ format: "json", text: "   " }, { where: "Line 1", message: "The file is empty." }],
      [{ format: "markdown", text: huge }, { where: "Line 1", message: "The file is 1.05 MB; roadmap files can be at most 1 MB." }],
      [{ format: "json", text: '{"format": "cairn.roadmap/v1",' }, { where: "Line 1", message: /^The file is not valid JSON/ }],
    ];
    const before = await writes();
    for (const [input, problem] of cases) {
      const data = dataOf(await importAs(admin, input));
      expect(data.status).toBe("invalid");
      const problems = (data as { problems: { where: string; message: string }[] }).problems;
      expect(problems[0]).toEqual({ where: problem.where, message: expect.stringMatching(problem.message) });
    }
    expect(await writes()).toEqual(before);
  });

  it("rejects extra fields and unknown formats before parsing anything", async () => {
    const before = await writes();
    for (const input of [
      { format: "markdown", text: smallRoadmap("extra-field"), status: "published" },
      { format: "yaml", text: smallRoadmap("yaml") },
      { text: smallRoadmap("no-format") },
      null,
    ]) {
      expect(await importAs(admin, input)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    expect(await writes()).toEqual(before);
  });
});

describe("who may import", () => {
  it.each(["mentor", "learner"] as const)("refuses a %s as not found and writes nothing", async (who) => {
    const user = who === "mentor" ? mentor : learner;
    const before = await writes();
    const input = { format: "markdown", text: smallRoadmap(`by-${who}`) };
    const refused = { ok: false, code: "NOT_FOUND", error: "This page does not exist.", fieldErrors: undefined };
    expect(await preview(user, input)).toEqual(refused);
    expect(await importAs(user, input)).toEqual(refused);
    expect(await writes()).toEqual(before);
  });

  it("refuses an admin who was demoted, on the very next call", async () => {
    const demoted = await createUser({ isAdmin: true });
    await db.user.update({ where: { id: demoted.id }, data: { isAdmin: false } });
    const result = await importAs(demoted, { format: "markdown", text: smallRoadmap("by-demoted") });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.roadmap.count({ where: { slug: "by-demoted" } })).toBe(0);
  });
});

describe("imported Markdown on screen (docs/security.md #17)", () => {
  it("renders descriptions, goal and notes from an imported file with nothing that runs", async () => {
    const hostile = [
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "[click](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "<svg onload=alert(1)>",
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    ].join("\n\n");
    const text = [
      "# Hostile {#hostile-roadmap}",
      "",
      "## Goal",
      "",
      hostile,
      "",
      "## Read me",
      "",
      hostile,
      "",
      "## Phase 1: P {#p}",
      "",
      "- Milestone {#m}",
      ...hostile.split("\n").map((line) => (line === "" ? "" : `  ${line}`)),
      "",
    ].join("\n");
    const result = dataOf(await importAs(admin, { format: "markdown", text }));
    if (result.status !== "imported") throw new Error(JSON.stringify(result));
    const version = await db.roadmapVersion.findFirstOrThrow({ where: { roadmapId: result.roadmapId }, select: { id: true } });
    const document = await getRoadmapDocument(version.id);
    const texts = [document.summary, document.notes[0]!.body, document.phases[0]!.milestones[0]!.description];
    expect(texts.every((value) => value.includes("<script>"))).toBe(true);
    for (const value of texts) {
      const html = renderToStaticMarkup(createElement(Markdown, null, value));
      const tags = html.match(/<[^>]*>/g) ?? [];
      expect(tags.filter((tag) => /^<(script|img|svg|iframe)/i.test(tag))).toEqual([]);
      expect(tags.filter((tag) => /\son\w+=|javascript:/i.test(tag))).toEqual([]);
      expect(html).toContain("&lt;script&gt;");
    }
  });
});
