// What an admin reads on the import screen before anything is written.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ImportPreview, ImportProblems } from "@/lib/features/roadmaps/components/import-preview";
import type { RoadmapImportPreview } from "@/lib/features/roadmaps/types";

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

const preview: RoadmapImportPreview = {
  title: "MLOps Roadmap 2027",
  slug: "mlops-roadmap",
  target: { kind: "next-version", roadmapId: "r1", roadmapName: "MLOps Roadmap 2026", number: 3 },
  blockedBy: null,
  counts: { phases: 2, milestones: 1, projects: 0, weeklyRule: 6, criteria: 4, notes: 1 },
  outline: [
    { key: "core", title: "Core foundations", milestones: [{ key: "python-foundations", title: "Python <basics>" }] },
    { key: "ship", title: "Shipping", milestones: [] },
  ],
  changes: { comparedWith: 2, added: ["python-foundations"], changed: [], removed: ["old-key"] },
};

describe("ImportPreview", () => {
  it("says what will be created: the next version, the counts, the outline with keys and the key changes", () => {
    const shown = text(renderToStaticMarkup(<ImportPreview preview={preview} />));
    expect(shown).toContain("Roadmap MLOps Roadmap 2027");
    expect(shown).toContain("Slug mlops-roadmap");
    expect(shown).toContain("Version 3 The next version of “MLOps Roadmap 2026”, as a draft.");
    expect(shown).toContain("2 phases 1 milestone 0 portfolio projects 6 weekly rule items 4 success criteria 1 note");
    expect(shown).toContain("Phase 1: Core foundations core");
    expect(shown).toContain("Python <basics> python-foundations");
    expect(shown).toContain("Keys compared with version 2");
    expect(shown).toContain("Added (1)");
    expect(shown).toContain("Changed (0)");
    expect(shown).toContain("Removed (1)");
    expect(shown).toContain("old-key");
  });

  it("names a new roadmap as such and shows no comparison", () => {
    const shown = text(renderToStaticMarkup(<ImportPreview preview={{ ...preview, target: { kind: "new" }, changes: null }} />));
    expect(shown).toContain("New roadmap Version 1, as a draft.");
    expect(shown).not.toContain("Keys compared");
  });
});

describe("ImportProblems", () => {
  it("lists each problem with its line or JSON path, as an alert", () => {
    const html = renderToStaticMarkup(
      <ImportProblems
        problems={[
          { where: "Line 12", message: 'The key "docker" is used twice.' },
          { where: "roadmap.phases[0].key", message: "This field is missing." },
        ]}
      />,
    );
    expect(html).toContain('role="alert"');
    const shown = text(html);
    expect(shown).toContain("The roadmap has 2 problems; nothing was imported.");
    expect(shown).toContain('Line 12 : The key "docker" is used twice.');
    expect(shown).toContain("roadmap.phases[0].key : This field is missing.");
  });
});
