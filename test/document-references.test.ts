// The repository stands alone: every document that code, tests or docs cite must exist in it. A reference to a
// document kept elsewhere (a brief, a spec section, an issue tracker's number) fails here with the file that cites it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
  .split("\n")
  .filter((file) => /\.(ts|tsx|mjs|js|css|md|json|ya?ml|toml|prisma|sql)$|(^|\/)(Dockerfile|\.env\.example)$/.test(file))
  .filter((file) => file !== "package-lock.json" && existsSync(file));

/** `docs/…` paths and all-caps Markdown file names, as code and docs cite them. */
const DOCUMENT = /\b(?:docs\/[\w./-]+\.(?:md|json)|[A-Z][A-Z_-]+\.md)\b/g;
/** Ways to point at documents that cannot be in the repository. */
const OUTSIDE = /\bSPEC §|\.\.\/shared\/|\/work\/shared|\bissues? #?\d+/i;

describe("document references", () => {
  it("cite only documents that exist in the repository", () => {
    const missing = tracked.flatMap((file) =>
      [...new Set(readFileSync(file, "utf8").match(DOCUMENT) ?? [])].filter((cited) => !existsSync(cited)).map((cited) => `${file} → ${cited}`),
    );
    expect(missing).toEqual([]);
  });

  it("never point at documents kept outside it", () => {
    const offenders = tracked.filter((file) => file !== "test/document-references.test.ts" && OUTSIDE.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
