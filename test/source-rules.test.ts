// docs/security.md #22, checked on the source itself: no string-built SQL through Prisma's unsafe escape hatches, and
// HTML from a string only where the Markdown renderer puts its sanitized output. ESLint catches the first while
// editing; this test also catches it in files lint does not see and names the file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib", "prisma", "scripts", "e2e", "proxy.ts"];
const SKIP = new Set(["lib/generated", "node_modules"]);
/** The one file allowed to hand React an HTML string: the Markdown renderer's sanitized output. */
const HTML_FROM_STRING_ALLOWED = ["components/markdown.tsx"];

function walk(entry: string): string[] {
  if (SKIP.has(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => walk(path.join(entry, name)));
}

const sources = ROOTS.flatMap(walk).filter((file) => /\.(ts|tsx|mjs|js)$/.test(file) && !/\.test\.tsx?$/.test(file));

describe("source rules", () => {
  it("never builds SQL from strings through Prisma's unsafe raw queries", () => {
    const offenders = sources.filter((file) => /\$(queryRawUnsafe|executeRawUnsafe)\b/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("hands React an HTML string only in the Markdown renderer", () => {
    const offenders = sources.filter(
      (file) => readFileSync(file, "utf8").includes("dangerouslySetInnerHTML") && !HTML_FROM_STRING_ALLOWED.includes(file),
    );
    expect(offenders).toEqual([]);
  });
});
