// Property tests: any valid roadmap document survives export → import unchanged, in Markdown, in JSON and
// through the database. Documents are generated with fast-check from awkward material (emoji, RTL and CJK
// text, long texts, Markdown with lists, emphasis, code fences, links and nested bullets, text that looks like
// the format's own structure). The generator is first run through `validateRoadmapDocument`, which turns it
// into canonical form; whatever the validator rejects is, by definition, not a roadmap and is skipped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { parseRoadmapJson, serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import { validateRoadmapDocument } from "@/lib/features/roadmaps/schema";
import type {
  RoadmapCriterion,
  RoadmapDocument,
  RoadmapMilestone,
  RoadmapNote,
  RoadmapPhase,
  RoadmapProject,
} from "@/lib/features/roadmaps/types";
import { roadmapMilestone } from "@/prisma/factories/roadmaps";

const SAMPLES = [
  "Déployer un modèle",
  "מודל בייצור",
  "نشر النموذج في الإنتاج",
  "模型部署与监控",
  "モデルを本番へ",
  "🚀 Ship it 👩🏽‍💻",
  "🇺🇦🏳️‍🌈",
  "Straße & Ærø",
  "a\u200bb",
  "line\u2028separator",
  "tab\there",
  "x".repeat(180),
];

/** Lines that each stress one rule of the Markdown format. */
const AWKWARD_LINES = [
  "- bullet",
  "  - nested bullet",
  "    - deeper",
  "* star",
  "+ plus",
  "1. numbered",
  "10) numbered",
  "# heading",
  "## heading two",
  "### heading three",
  " # indented heading",
  "#",
  "Done when:",
  "done when: lower case",
  "Done when\\: already escaped",
  "Resources:",
  "Evidence: required",
  "Review : none",
  "Effort: 5h",
  "Demonstrates: a, b",
  "Evidence: none · Review: required",
  "    four-space code",
  "\ttab indented",
  "> quote",
  "title {#key}",
  "{#}",
  "trailing spaces   ",
  "***",
  "---",
  "*emphasis* and **strong** and `code`",
  "[a link](https://example.com/path?q=1)",
  "<script>alert(1)</script>",
  "| a | b |",
  "```inline``` code",
];

const keyArb = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join("-"));

const unicodeWord = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}$/) },
);

/** One line of text: words, sometimes ending in something that looks like a key or a colon. */
const lineText = fc
  .tuple(
    fc.array(unicodeWord, { minLength: 1, maxLength: 6 }),
    fc.constantFrom("", "", "", ":", " {#look-alike}", "  ", " \\", " {#"),
  )
  // Whole words only, up to the title limit (200): cutting a string could split an emoji's surrogate pair.
  .map(([words, end]) => words.reduce((text, word) => (text.length + word.length < 190 ? `${text} ${word}` : text), "").trimStart() + end);

const markdownLine = fc.oneof(
  { weight: 4, arbitrary: lineText },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_LINES) },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

const fence = fc
  .tuple(fc.constantFrom("```", "~~~", "````"), fc.constantFrom("", "python", "bash"), fc.array(markdownLine, { maxLength: 5 }))
  .map(([marker, info, body]) =>
    // A fence closes on a line of at least as many of the same characters; such a line inside would close it early.
    [`${marker}${info}`, ...body.filter((line) => !line.trim().startsWith(marker.slice(0, 3))), marker].join("\n"),
  );

const markdownText = fc
  .array(fc.oneof({ weight: 6, arbitrary: markdownLine }, { weight: 1, arbitrary: fence }), { maxLength: 12 })
  .map((lines) => lines.join("\n"));

/** Now and then a long text, near the real limits. */
const longMarkdown = fc
  .tuple(markdownText, fc.integer({ min: 50, max: 400 }))
  .map(([text, repeat]) => {
    const block = text || "word";
    return Array.from({ length: Math.min(repeat, Math.floor(19_000 / (block.length + 2))) }, () => block).join("\n\n");
  });

const descriptionArb = fc.oneof({ weight: 12, arbitrary: markdownText }, { weight: 1, arbitrary: longMarkdown });

const evidenceArb = fc.constantFrom("none" as const, "optional" as const, "required" as const);

/** Review needs evidence to review (the validator rejects review without evidence). */
const requirementsArb = evidenceArb.chain((evidence) =>
  (evidence === "none" ? fc.constant(false) : fc.boolean()).map((reviewRequired) => ({ evidence, reviewRequired })),
);

const resourceArb = fc.record({
  label: fc.oneof(lineText, fc.constantFrom("[brackets]", "back\\slash", "a]b[c", "Docs (v2)")),
  url: fc.oneof(fc.webUrl({ validSchemes: ["https", "http"] }), fc.constant("https://example.com/a_(b)")),
});

function milestoneArb(key: string): fc.Arbitrary<RoadmapMilestone> {
  return fc
    .record({
      title: lineText,
      description: descriptionArb,
      doneWhen: fc.array(lineText, { maxLength: 4 }),
      resources: fc.array(resourceArb, { maxLength: 3 }),
      requirements: requirementsArb,
      effortHours: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
    })
    .map(({ requirements, title, description, doneWhen, resources, effortHours }) => ({
      key,
      title,
      description,
      doneWhen,
      resources,
      ...requirements,
      effortHours,
    }));
}

/** Keys made unique by a suffix, so most generated documents pass the duplicate-key rule. */
function uniqueKeys(count: number) {
  return fc.array(keyArb, { minLength: count, maxLength: count }).map((keys) => keys.map((key, index) => `${key}-${index}`));
}

const documentArb: fc.Arbitrary<RoadmapDocument> = fc
  .record({
    phaseSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    projectCount: fc.integer({ min: 0, max: 3 }),
    criteriaCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ phaseSizes, projectCount, criteriaCount }) => {
    const milestoneCount = phaseSizes.reduce((sum, size) => sum + size, 0);
    return uniqueKeys(milestoneCount + projectCount + phaseSizes.length + criteriaCount).chain((keys) => {
      const milestoneKeys = keys.slice(0, milestoneCount);
      const projectKeys = keys.slice(milestoneCount, milestoneCount + projectCount);
      const phaseKeys = keys.slice(milestoneCount + projectCount, milestoneCount + projectCount + phaseSizes.length);
      const criterionKeys = keys.slice(milestoneCount + projectCount + phaseSizes.length);
      let offset = 0;
      const phases: fc.Arbitrary<RoadmapPhase>[] = phaseSizes.map((size, index) => {
        const own = milestoneKeys.slice(offset, offset + size);
        offset += size;
        return fc.record({
          key: fc.constant(phaseKeys[index]!),
          title: lineText,
          description: descriptionArb,
          milestones: fc.tuple(...own.map(milestoneArb)),
        });
      });
      const projects: fc.Arbitrary<RoadmapProject>[] = projectKeys.map((key) =>
        fc
          .record({
            title: lineText,
            description: descriptionArb,
            doneWhen: fc.array(lineText, { maxLength: 3 }),
            requirements: requirementsArb,
            milestoneKeys: fc.subarray(milestoneKeys, { maxLength: Math.min(4, milestoneKeys.length) }),
          })
          .map(({ requirements, title, description, doneWhen, milestoneKeys: demonstrated }) => ({
            key,
            title,
            description,
            doneWhen,
            ...requirements,
            milestoneKeys: demonstrated,
          })),
      );
      const criteria: fc.Arbitrary<RoadmapCriterion>[] = criterionKeys.map((key) =>
        fc.record({ key: fc.constant(key), text: lineText }),
      );
      const note: fc.Arbitrary<RoadmapNote> = fc.record({ title: lineText, body: descriptionArb });
      return fc.record({
        title: lineText,
        slug: keyArb,
        summary: descriptionArb,
        phases: fc.tuple(...phases),
        projects: projects.length > 0 ? fc.tuple(...projects) : fc.constant([]),
        weeklyRule: fc.array(lineText, { maxLength: 4 }),
        criteria: criteria.length > 0 ? fc.tuple(...criteria) : fc.constant([]),
        notes: fc.array(note, { maxLength: 3 }),
      });
    });
  });

/** Generated documents in canonical form; the few the validator rejects (review without evidence…) are dropped. */
const validDocumentArb = documentArb
  .map((document) => validateRoadmapDocument(document))
  .filter((result) => result.ok)
  .map((result) => (result.ok ? result.document : (null as never)));

function explain(text: string, errors: { line: number; message: string }[]) {
  // Escaped, so invisible characters (line separators, control characters) show in the failure.
  const shown = text
    .split("\n")
    .map((line, index) => `${index + 1} ${JSON.stringify(line).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}`)
    .join("\n");
  return `${errors.map((error) => `line ${error.line}: ${error.message}`).join("\n")}\n---\n${shown}`;
}

describe("roadmap export → import (property tests)", () => {
  it("the generator mostly produces valid documents", () => {
    const samples = fc.sample(documentArb, { numRuns: 200, seed: 42 });
    const valid = samples.filter((document) => validateRoadmapDocument(document).ok);
    expect(valid.length).toBeGreaterThan(180);
  });

  // Both formats also promise a stable export: the re-imported document serializes to the same bytes.
  const formats = [
    { format: "Markdown", serialize: serializeRoadmapMarkdown, parse: parseRoadmapMarkdown },
    { format: "JSON", serialize: serializeRoadmapJson, parse: parseRoadmapJson },
  ];
  for (const { format, serialize, parse } of formats) {
    it(`${format} export → import gives back exactly the same document`, () => {
      fc.assert(
        fc.property(validDocumentArb, (document) => {
          const text = serialize(document);
          const parsed = parse(text);
          if (!parsed.ok) throw new Error(explain(text, parsed.errors));
          expect(parsed.document).toEqual(document);
          expect(serialize(parsed.document)).toBe(text);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("the database stores and returns exactly the imported document", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(validDocumentArb, async (document) => {
        run += 1;
        const stored = { ...document, slug: `round-trip-${run}-${Date.now().toString(36)}` };
        const { versionId } = await importRoadmapDocument(stored, { status: "draft" });
        expect(await getRoadmapDocument(versionId)).toEqual(stored);
      }),
      { numRuns: 25 },
    );
  });
});

describe("cases the property tests found", () => {
  const base: RoadmapDocument = {
    title: "Found",
    slug: "found",
    summary: "",
    phases: [
      {
        key: "p",
        title: "P",
        description: "",
        milestones: [roadmapMilestone("m", { title: "M" })],
      },
    ],
    projects: [],
    weeklyRule: [],
    criteria: [],
    notes: [],
  };

  it("keeps titles that contain a Unicode line separator (U+2028) on their heading or bullet", () => {
    const document: RoadmapDocument = {
      ...base,
      title: "Road\u2028map",
      notes: [{ title: "Read\u2029me", body: "" }],
      criteria: [{ key: "c", text: "one\u2028two" }],
    };
    document.phases = [{ ...base.phases[0]!, title: "Phase\u2028one" }];
    const parsed = parseRoadmapMarkdown(serializeRoadmapMarkdown(document));
    expect(parsed.ok && parsed.document).toEqual(document);
  });

  it("rejects a NUL character, which the database cannot store, naming the line", () => {
    const parsed = parseRoadmapMarkdown("# Road\u0000map\n\n## Phase 1: P\n\n- M\n");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      { line: 1, message: "The roadmap title contains a NUL character (\\0), which Cairn cannot store; remove it." },
    ]);
  });
});
