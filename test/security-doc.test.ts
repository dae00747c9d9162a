// docs/security.md names, under every case, the tests that prove it. A renamed or deleted test would leave the
// document promising a proof that no longer exists; this test keeps every name honest, and keeps every case either
// proved or plainly marked "Not yet proved by a test".
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOC = "docs/security.md";
/** The cases Cairn had when the proofs were first listed; numbers never change meaning, so none may disappear. */
const KNOWN_CASES = 53;
const MAX_LINE = 120;

type Case = { number: number; lines: string[]; bullets: string[] };
type Reference = { file: string; names: string[] };

/** Each case from its "N. " line up to the next case, heading or blank line, with each bullet joined onto one line. */
function readCases(markdown: string): Case[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf("## The cases");
  if (start === -1) throw new Error(`${DOC} has no "## The cases" section`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const cases: Case[] = [];
  let current: Case | null = null;
  for (const line of lines.slice(start + 1, end === -1 ? undefined : end)) {
    const opening = /^(\d+)\. /.exec(line);
    if (opening) {
      current = { number: Number(opening[1]), lines: [line], bullets: [] };
      cases.push(current);
    } else if (line.trim() === "" || line.startsWith("#")) {
      current = null;
    } else if (current) {
      current.lines.push(line);
      const bullet = /^\s+- (.*)$/.exec(line);
      if (bullet) current.bullets.push(bullet[1]!);
      else if (current.bullets.length > 0) current.bullets[current.bullets.length - 1] += ` ${line.trim()}`;
    }
  }
  return cases;
}

/** `path` › "name" (› "name"…); null when the bullet is not a reference at all. */
function referenceIn(bullet: string): Reference | "malformed" | null {
  if (!bullet.startsWith("`")) return null;
  const match = /^`([^`]+)`((?: › "[^"]+")+)$/.exec(bullet.trim());
  if (!match) return "malformed";
  return { file: match[1]!, names: [...match[2]!.matchAll(/"([^"]+)"/g)].map((name) => name[1]!) };
}

/** The name as a string literal in the file: a test's own name, not a fragment of a longer one or of a comment. */
function declares(source: string, name: string): boolean {
  return ['"', "'", "`"].some((quote) => source.includes(`${quote}${name}${quote}`));
}

const markdown = readFileSync(DOC, "utf8");
const cases = readCases(markdown);

describe("docs/security.md names the tests that prove each case", () => {
  // A new case joins the heading of its topic with the next free number, so numbers need not follow page order.
  it("lists every case from 1 up, none missing or repeated", () => {
    const numbers = cases.map((entry) => entry.number).sort((a, b) => a - b);
    expect(numbers.length).toBeGreaterThanOrEqual(KNOWN_CASES);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it("gives every case a proving test, or says plainly what is not yet proved", () => {
    const unproved = cases
      .filter((entry) => {
        const text = entry.lines.map((line) => line.trim()).join(" ");
        const referenced = entry.bullets.some((bullet) => {
          const reference = referenceIn(bullet);
          return reference !== null && reference !== "malformed";
        });
        return !referenced && !text.includes("Not yet proved by a test:");
      })
      .map((entry) => `#${entry.number}`);
    expect(unproved, "name a test under these cases, or write what is not yet proved").toEqual([]);
  });

  it("names only test files that exist and tests those files declare", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const entry of cases) {
      for (const bullet of entry.bullets) {
        const reference = referenceIn(bullet);
        if (reference === null) continue;
        if (reference === "malformed") {
          problems.push(`#${entry.number}: write \`file\` › "test name", not ${bullet}`);
          continue;
        }
        if (!/\.(test|spec)\.tsx?$/.test(reference.file)) problems.push(`#${entry.number}: ${reference.file} is not a test file`);
        if (!existsSync(reference.file)) {
          problems.push(`#${entry.number}: ${reference.file} does not exist`);
          continue;
        }
        const source = readFileSync(reference.file, "utf8");
        for (const name of reference.names) {
          checked += 1;
          if (!declares(source, name)) problems.push(`#${entry.number}: ${reference.file} has no test or block named "${name}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(KNOWN_CASES);
  });

  it("keeps the cases readable: no line longer than 120 characters", () => {
    const long = cases.flatMap((entry) => entry.lines).filter((line) => [...line].length > MAX_LINE);
    expect(long).toEqual([]);
  });
});
