// docs/security.md #22, checked on the source itself: no string-built SQL through Prisma's unsafe escape hatches,
// HTML from a string only where the Markdown renderer puts its sanitized output, and no password or address in a
// form that a submit before hydration would send as a query string. The same for the shape of the
// code (docs/decisions/017): features depend on each other one way only, the Prisma client stays in data.ts,
// mutations.ts and the infrastructure that owns the database, and app/ never reaches past a feature's loaders and
// actions. ESLint enforces all of it while editing (`npm run lint` is part of `npm test`); this test proves its
// rules reach every source file and catch what they are for, so moving or adding a file cannot slip past them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components", "lib", "prisma", "scripts", "e2e", "test", "proxy.ts"];
const SKIP = new Set(["lib/generated", "node_modules"]);

function walk(entry: string): string[] {
  // A build's output (the benchmark builds scripts/lib/bench/next-baseline) is not source.
  if (SKIP.has(entry) || path.basename(entry) === ".next") return [];
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

  it("posts every form that takes a password or an e-mail address, so a submit before its script loads keeps them out of the address", () => {
    const personal = components.filter((file) => /type="(password|email)"|name="emails"/.test(readFileSync(file, "utf8")));
    expect(personal.length).toBeGreaterThanOrEqual(7);
    const getting = personal.filter((file) => (readFileSync(file, "utf8").match(/<form\b[^>]*>/g) ?? []).some((tag) => !tag.includes('method="post"')));
    expect(getting).toEqual([]);
  });

  it("refuses an import that would make two features depend on each other, naming the cycle", async () => {
    const eslint = new ESLint();
    const cycles = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.filter((message) => message.ruleId === "cairn/no-feature-cycles").map((message) => message.message);
    // Invites build on users; users reading invites back would close the loop.
    expect(await cycles("lib/features/users/loaders.ts", 'import { listCohortInvites } from "@/lib/features/invites/data";\nexport const list = listCohortInvites;\n')).toEqual([
      expect.stringContaining("users → invites → users"),
    ]);
    // Cohorts release review claims; reviews asking cohorts for access again would close a longer loop.
    expect(await cycles("lib/features/reviews/data.ts", 'export { getCohortMembers } from "@/lib/features/cohorts/data";\n')).toEqual([
      expect.stringContaining("reviews → cohorts → reviews"),
    ]);
    expect(await cycles("lib/features/invites/data.ts", 'import { listCohortOptions } from "@/lib/features/users/data";\nexport const list = listCohortOptions;\n')).toEqual([]);
    const unguarded: string[] = [];
    for (const file of sources.filter((candidate) => candidate.startsWith("lib/features/") && !/\.test\.tsx?$/.test(candidate))) {
      const rules = (await eslint.calculateConfigForFile(file)).rules ?? {};
      if (severity(rules["cairn/no-feature-cycles"] as Linter.RuleEntry | undefined) !== 2) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });

  it("keeps the Prisma client in data.ts, mutations.ts and the infrastructure that owns the database", async () => {
    const eslint = new ESLint();
    const refused = async (filePath: string) =>
      (await eslint.lintText('import { db } from "@/lib/db";\nexport const client = db;\n', { filePath }))[0]!.messages.some(
        (message) => message.ruleId === "@typescript-eslint/no-restricted-imports",
      );
    expect(await refused("lib/features/cohorts/loaders.ts")).toBe(true);
    expect(await refused("lib/features/cohorts/actions.ts")).toBe(true);
    expect(await refused("app/(app)/admin/page.tsx")).toBe(true);
    expect(await refused("lib/logger.ts")).toBe(true);
    expect(await refused("lib/features/cohorts/data.ts")).toBe(false);
    expect(await refused("lib/features/cohorts/mutations.ts")).toBe(false);
    expect(await refused("lib/auth/access.ts")).toBe(false);
    const owner = /^(lib\/features\/[a-z-]+\/(data|mutations)\.ts|lib\/(auth|db)\/.*|prisma\/(factories|seed)\/.*|scripts\/.*|test\/.*|e2e\/.*|.*\.test\.tsx?)$/;
    const unguarded: string[] = [];
    for (const file of sources.filter((candidate) => !owner.test(candidate))) {
      const rule = (await eslint.calculateConfigForFile(file)).rules?.["@typescript-eslint/no-restricted-imports"] as Linter.RuleEntry | undefined;
      if (severity(rule) !== 2 || !JSON.stringify(rule).includes('"@/lib/db"')) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });

  it("lets app/ use a feature's loaders and actions but never its data or mutations", async () => {
    const eslint = new ESLint();
    const refused = async (specifier: string) =>
      (await eslint.lintText(`import * as feature from "${specifier}";\nexport const used = feature;\n`, { filePath: "app/(app)/admin/page.tsx" }))[0]!.messages.some(
        (message) => message.ruleId === "no-restricted-imports",
      );
    expect(await refused("@/lib/features/roadmaps/data")).toBe(true);
    expect(await refused("@/lib/features/cohorts/mutations")).toBe(true);
    expect(await refused("@/lib/features/cohorts/loaders")).toBe(false);
    expect(await refused("@/lib/features/cohorts/actions")).toBe(false);
  });
});
