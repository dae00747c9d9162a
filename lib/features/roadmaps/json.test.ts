import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  ROADMAP_JSON_FORMAT,
  parseRoadmapJson,
  roadmapExportSchema,
  serializeRoadmapJson,
} from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { validateRoadmapDocument } from "@/lib/features/roadmaps/schema";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";

const defaultRoadmapMarkdown = readFileSync(
  new URL("../../../content/roadmaps/mlops-roadmap-2026.md", import.meta.url),
  "utf8",
);

function defaultRoadmap(): RoadmapDocument {
  const result = parseRoadmapMarkdown(defaultRoadmapMarkdown);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

/** The default roadmap as plain JSON data, ready to be tampered with. */
function exported(): { format: string; roadmap: Record<string, unknown> & RoadmapDocument } {
  return JSON.parse(serializeRoadmapJson(defaultRoadmap()));
}

function errorsOf(text: string) {
  const result = parseRoadmapJson(text);
  if (result.ok) throw new Error("expected the JSON to be rejected");
  return result.errors;
}

describe("serializeRoadmapJson / parseRoadmapJson", () => {
  it("round-trips the default roadmap without loss", () => {
    const document = defaultRoadmap();
    const json = serializeRoadmapJson(document);
    const result = parseRoadmapJson(json);
    expect(result).toEqual({ ok: true, document });
    expect(JSON.parse(json).format).toBe(ROADMAP_JSON_FORMAT);
  });

  it("writes pretty JSON with a fixed key order, whatever order the document was built in", () => {
    const document = defaultRoadmap();
    const shuffled = JSON.parse(JSON.stringify(document), function (this: unknown, _key, value: unknown) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    }) as RoadmapDocument;
    const json = serializeRoadmapJson(document);
    expect(serializeRoadmapJson(shuffled)).toBe(json);
    expect(json).toMatch(/^\{\n {2}"format": "cairn\.roadmap\/v1",\n {2}"roadmap": \{\n {4}"title": /);
    expect(json.endsWith("}\n")).toBe(true);
    const milestone = JSON.parse(json).roadmap.phases[0].milestones[0];
    expect(Object.keys(milestone)).toEqual([
      "key",
      "title",
      "description",
      "doneWhen",
      "resources",
      "evidence",
      "reviewRequired",
      "effortHours",
    ]);
  });

  it("carries a document from Markdown to JSON and back to the same Markdown", () => {
    const fromJson = parseRoadmapJson(serializeRoadmapJson(defaultRoadmap()));
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    expect(serializeRoadmapMarkdown(fromJson.document)).toBe(defaultRoadmapMarkdown);
  });

  it("returns canonical text, so JSON written by hand also survives a Markdown export", () => {
    const data = exported();
    data.roadmap.title = "  Padded title  ";
    data.roadmap.summary = "\r\n\r\nLine one\r\n   \r\nLine two  \r\n\r\n";
    data.roadmap.weeklyRule[0] = "  1 day: learn  ";
    const result = parseRoadmapJson(JSON.stringify(data));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.document.title).toBe("Padded title");
    expect(result.document.summary).toBe("Line one\n\nLine two  ");
    expect(result.document.weeklyRule[0]).toBe("1 day: learn");
    const again = parseRoadmapMarkdown(serializeRoadmapMarkdown(result.document));
    expect(again).toEqual({ ok: true, document: result.document });
  });
});

describe("parseRoadmapJson — bad input", () => {
  it("rejects empty, oversized and malformed files", () => {
    expect(errorsOf("  \n")).toEqual([{ line: 1, message: "The file is empty." }]);
    expect(errorsOf(`"${"x".repeat(1_048_576)}"`)).toEqual([{ line: 1, message: expect.stringMatching(/at most 1 MB/) }]);
    const [syntax] = errorsOf('{\n  "format": "cairn.roadmap/v1",\n  "roadmap": {,\n}');
    expect(syntax?.line).toBe(3);
    expect(syntax?.message).toMatch(/not valid JSON/);
  });

  it("rejects a file of another format", () => {
    const data = exported();
    data.format = "cairn.roadmap/v2";
    expect(errorsOf(JSON.stringify(data))).toEqual([
      {
        line: 1,
        message: 'format: This is not a Cairn roadmap export: "format" must be "cairn.roadmap/v1", not "cairn.roadmap/v2".',
        path: "format",
      },
    ]);
    expect(errorsOf("[]")[0]?.message).toMatch(/Expected an object here, not a list/);
  });

  it("rejects extra fields anywhere, naming their path", () => {
    const data = exported() as unknown as {
      extra: boolean;
      roadmap: { id: string; phases: { milestones: Record<string, unknown>[] }[]; projects: Record<string, unknown>[] };
    };
    data.extra = true;
    data.roadmap.id = "0190-uuid";
    const milestone = data.roadmap.phases[1]?.milestones[0];
    if (milestone) {
      milestone.status = "approved";
      milestone.reviewerId = "someone";
    }
    const resource = data.roadmap.phases[0]?.milestones[2]?.resources as Record<string, unknown>[];
    if (resource[0]) resource[0].rel = "nofollow";
    const messages = errorsOf(JSON.stringify(data)).map((error) => error.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Unknown field "extra"; the roadmap format has no such field.',
        'roadmap: Unknown field "id"; the roadmap format has no such field.',
        'roadmap.phases[1].milestones[0]: Unknown fields "status", "reviewerId"; the roadmap format has no such fields.',
        'roadmap.phases[0].milestones[2].resources[0]: Unknown field "rel"; the roadmap format has no such field.',
      ]),
    );
    expect(messages).toHaveLength(4);
  });

  it("rejects missing fields and wrong types", () => {
    const data = exported() as unknown as { roadmap: { phases: Record<string, unknown>[] } };
    const phase = data.roadmap.phases[0] as { milestones: Record<string, unknown>[] };
    delete phase.milestones[0]?.evidence;
    if (phase.milestones[1]) phase.milestones[1].effortHours = "6h";
    if (phase.milestones[2]) phase.milestones[2].evidence = "maybe";
    expect(errorsOf(JSON.stringify(data))).toEqual([
      {
        line: 1,
        message: "roadmap.phases[0].milestones[0].evidence: This field is missing.",
        path: "roadmap.phases[0].milestones[0].evidence",
      },
      {
        line: 1,
        message: "roadmap.phases[0].milestones[1].effortHours: Expected a number here, not a string.",
        path: "roadmap.phases[0].milestones[1].effortHours",
      },
      {
        line: 1,
        message: 'roadmap.phases[0].milestones[2].evidence: Evidence must be "none", "optional" or "required", not "maybe".',
        path: "roadmap.phases[0].milestones[2].evidence",
      },
    ]);
  });

  it("rejects links that are not http or https", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript://x/%0aalert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "https://exa mple.com", "//example.com"]) {
      const data = exported();
      const resources = data.roadmap.phases[0]?.milestones[2]?.resources;
      if (resources?.[0]) resources[0].url = url;
      const errors = errorsOf(JSON.stringify(data));
      expect(errors, url).toHaveLength(1);
      expect(errors[0]?.message, url).toMatch(/^roadmap\.phases\[0\]\.milestones\[2\]\.resources\[0\]\.url: .*only http:\/\/ and https:\/\//);
    }
  });

  const tampered: { name: string; tamper: (roadmap: ReturnType<typeof exported>["roadmap"]) => void; messages: unknown[] }[] = [
    {
      name: "applies the same cross-field rules as the Markdown format",
      tamper: (roadmap) => {
        const [first, second] = roadmap.phases[0]?.milestones ?? [];
        if (first && second) second.key = first.key;
        if (roadmap.projects[0]) roadmap.projects[0].milestoneKeys.push("no-such-milestone");
        roadmap.phases.push({ key: "extra", title: "Extra", description: "", milestones: [] });
      },
      messages: [
        'roadmap.phases[0].milestones[1].key: The key "mlops-principles" is used twice: by the milestone "The principles behind MLOps" (roadmap.phases[0].milestones[0]) and the milestone "The machine learning lifecycle, end to end" (roadmap.phases[0].milestones[1]). Keys must be unique across all milestones and projects.',
        'roadmap.phases[7].milestones: Phase "Extra" has no milestones; every phase needs at least one.',
        'roadmap.projects[0].milestoneKeys[4]: Project "Batch training pipeline with experiment tracking" demonstrates "no-such-milestone", but no milestone has that key.',
      ],
    },
    {
      name: "rejects a document with no phases, and note titles the Markdown format reserves",
      tamper: (roadmap) => {
        roadmap.phases = [];
        roadmap.projects = [];
        roadmap.notes.push({ title: "Phase 8: Sneaky", body: "" });
      },
      messages: [
        expect.stringMatching(/^roadmap\.notes\[2\]\.title: "Phase 8: Sneaky" is the name of a roadmap section/),
        "roadmap.phases: The roadmap has no phases; it needs at least one.",
      ],
    },
    {
      name: "rejects text that cannot be exported faithfully",
      tamper: (roadmap) => {
        const milestone = roadmap.phases[0]?.milestones[0];
        if (milestone) {
          milestone.title = "Two\nlines";
          milestone.description = "```\nnever closed";
          milestone.doneWhen = [""];
        }
      },
      messages: [
        "roadmap.phases[0].milestones[0].title: A milestone title must fit on one line.",
        "roadmap.phases[0].milestones[0].description: A milestone description opens a code block (```) that is never closed.",
        'roadmap.phases[0].milestones[0].doneWhen[0]: A "Done when" item cannot be empty.',
      ],
    },
  ];
  for (const { name, tamper, messages } of tampered) {
    it(name, () => {
      const data = exported();
      tamper(data.roadmap);
      expect(errorsOf(JSON.stringify(data)).map((error) => error.message)).toEqual(messages);
    });
  }
});

describe("validateRoadmapDocument", () => {
  it("accepts a valid document and returns it unchanged", () => {
    const document = defaultRoadmap();
    expect(validateRoadmapDocument(document)).toEqual({ ok: true, document });
  });

  it("locates issues by path and lets the caller name the other location", () => {
    const document = defaultRoadmap();
    const clash = document.projects[0];
    if (clash) clash.key = "rollback";
    const result = validateRoadmapDocument(document, { describe: (path) => `<${path.join("/")}>` });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: "duplicate-key",
          path: ["projects", 0, "key"],
          message:
            'The key "rollback" is used twice: by the milestone "Rollback for failed releases" (<phases/2/milestones/4>) and the project "Batch training pipeline with experiment tracking" (<projects/0>). Keys must be unique across all milestones and projects.',
        },
      ],
    });
  });

  it("is what the exported zod schema enforces too", () => {
    const data = exported();
    data.roadmap.criteria.push({ ...data.roadmap.criteria[0]!, text: "Same key again" });
    const result = roadmapExportSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["roadmap.criteria.4.key"]);
  });
});
