// Roadmap parsers and the document schema are large and only ever run on the server (decision 018). This follows
// the imports of every client component, as the bundler would, and fails when one reaches them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SERVER_ONLY_FILES = ["lib/features/roadmaps/json.ts", "lib/features/roadmaps/markdown.ts", "lib/features/roadmaps/schema.ts"];

// Type-only imports vanish from the bundle, and a "use server" module reaches the browser only as references to
// its actions, so neither is followed.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolve(specifier: string): string | null {
  if (!specifier.startsWith("@/")) return null;
  const base = path.join(ROOT, specifier.slice(2));
  return [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((file) => existsSync(file)) ?? null;
}

/** Every project file a module pulls into the bundle, with the chain that led there. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const source = readFileSync(file, "utf8");
    if (file !== entry && /^["']use server["']/m.test(source)) continue;
    for (const [, specifier] of source.matchAll(IMPORT)) {
      const target = specifier ? resolve(specifier) : null;
      if (!target || seen.has(target)) continue;
      seen.set(target, [...(seen.get(file) ?? []), target]);
      queue.push(target);
    }
  }
  return seen;
}

const clientComponents = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .filter((file) => /^["']use client["']/m.test(readFileSync(file, "utf8")));

describe("client bundles", () => {
  it("finds the client components it checks", () => {
    const names = clientComponents.map((file) => path.relative(ROOT, file));
    expect(names).toContain("lib/features/roadmaps/components/outline.tsx");
    expect(names).toContain("lib/features/progress/components/evidence-form.tsx");
  });

  it("never carry a roadmap format parser or the roadmap document schema", () => {
    const leaks = clientComponents.flatMap((file) =>
      [...reachable(file)]
        .filter(([target]) => SERVER_ONLY_FILES.includes(path.relative(ROOT, target)))
        .map(([, chain]) => chain.map((step) => path.relative(ROOT, step)).join(" → ")),
    );
    expect(leaks).toEqual([]);
  });
});
