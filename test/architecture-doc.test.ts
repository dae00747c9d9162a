// docs/architecture.md draws the features and which uses which. The drawing is only useful while it is true, so
// this test reads the imports between features (tests excluded, as in the lint rule of decision 017) and fails on
// any arrow the diagram lacks or any arrow the code no longer has.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FEATURES = "lib/features";
const FEATURE_IMPORT = /from\s+["']@\/lib\/features\/([a-z-]+)\//g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importedEdges(): string[] {
  const edges = new Set<string>();
  for (const feature of readdirSync(FEATURES)) {
    for (const file of sourceFiles(path.join(FEATURES, feature))) {
      for (const [, used] of readFileSync(file, "utf8").matchAll(FEATURE_IMPORT)) {
        if (used !== feature) edges.add(`${feature} --> ${used}`);
      }
    }
  }
  return [...edges].sort();
}

function drawnEdges(): string[] {
  const doc = readFileSync("docs/architecture.md", "utf8");
  const diagram = doc.match(/```mermaid\n([\s\S]*?)```/)?.[1] ?? "";
  return diagram
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes("-->"))
    .sort();
}

describe("docs/architecture.md", () => {
  it("draws exactly the dependencies the features' imports have", () => {
    expect(drawnEdges()).toEqual(importedEdges());
  });

  it("names every feature folder in its table", () => {
    const doc = readFileSync("docs/architecture.md", "utf8");
    const missing = readdirSync(FEATURES).filter((feature) => !doc.includes(`| \`${feature}\` |`));
    expect(missing).toEqual([]);
  });
});
