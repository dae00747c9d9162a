// docs/security.md #22, checked on the source itself: no string-built SQL through Prisma's unsafe escape hatches,
// and HTML from a string only where the Markdown renderer puts its sanitized output. ESLint enforces both while
// editing (`npm run lint` is part of `npm test`); this test proves its rules reach every source file, so moving or
// adding a file cannot slip past them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib", "prisma", "scripts", "e2e", "test", "proxy.ts"];
const SKIP = new Set(["lib/generated", "node_modules"]);

function walk(entry: string): string[] {
  if (SKIP.has(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => walk(path.join(entry, name)));
}

const sources = ROOTS.flatMap(walk).filter((file) => /\.(ts|tsx|mjs)$/.test(file));
const components = sources.filter((file) => file.endsWith(".tsx"));

function severity(entry: Linter.RuleEntry | undefined): number {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === "error" || level === 2 ? 2 : level === "warn" || level === 1 ? 1 : 0;
}

describe("source rules", () => {
  it("never builds SQL from strings through Prisma's unsafe raw queries", async () => {
    const offenders = sources.filter(
      (file) => !file.endsWith(".test.ts") && /\$(queryRawUnsafe|executeRawUnsafe)\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
    const eslint = new ESLint();
    const unguarded: string[] = [];
    for (const file of sources.filter((candidate) => !/\.test\.tsx?$/.test(candidate))) {
      const rule = (await eslint.calculateConfigForFile(file)).rules?.["no-restricted-syntax"] as Linter.RuleEntry | undefined;
      if (severity(rule) !== 2 || !JSON.stringify(rule).includes("queryRawUnsafe")) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });

  it("hands React an HTML string only in the Markdown renderer", async () => {
    const eslint = new ESLint();
    const allowed: string[] = [];
    for (const file of components) {
      const rules = (await eslint.calculateConfigForFile(file)).rules ?? {};
      if (severity(rules["react/no-danger"]) !== 2) allowed.push(file);
    }
    expect(allowed).toEqual(["components/markdown.tsx"]);
  });
});
