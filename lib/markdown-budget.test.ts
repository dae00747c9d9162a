import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import type { Nodes } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";

import { checkMarkdownBudget, MARKDOWN_BUDGET, measureMarkdown } from "@/lib/markdown-budget";
import { HOSTILE_MARKDOWN, repeatTo } from "@/test/hostile-markdown";

const parser = unified().use(remarkParse).use(remarkGfm);

const SEEDED_ROADMAP = readFileSync(path.join(process.cwd(), "content", "roadmaps", "mlops-roadmap-2026.md"), "utf8");

const CODE_NOTE = [
  "## What I changed",
  "",
  "The loader now batches **every** request; see [the PR](https://github.com/acme/repo/pull/7).",
  "",
  "```python",
  ...Array.from({ length: 120 }, (_, index) => `    values[${index}] = [x ** 2 for x in data[${index}][::2]]  # *args, **kwargs, _private`),
  "```",
  "",
  "1. Run it:",
  "",
  "   ```json",
  ...Array.from({ length: 60 }, (_, index) => `   {"id": ${index}, "tags": ["a", "b"], "matrix": [[1, 2], [3, 4]]},`),
  "   ```",
  "",
  "~~~",
  ...Array.from({ length: 40 }, () => "<div class=\"x\">[*] ~~~ `` [link](url) &amp; <!-- -->"),
  "~~~",
].join("\n");

/** What the parser actually builds: the measures the budget must never fall short of. */
function parsed(source: string) {
  const actual = { nesting: 0, inlineMarks: 0, tableCells: 0, lookahead: 0 };
  const visit = (node: Nodes, depth: number) => {
    const nested = node.type === "listItem" || node.type === "blockquote" || node.type === "footnoteDefinition" ? depth + 1 : depth;
    actual.nesting = Math.max(actual.nesting, nested);
    if (node.type === "table") actual.tableCells += node.children.length * node.align!.length;
    if ((node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") && node.position) {
      const text = source.slice(node.position.start.offset, node.position.end.offset);
      actual.inlineMarks += (text.match(/[*_~`[\]<&\\@]/g) ?? []).length;
      if (node.type !== "tableCell") actual.lookahead += (text.match(/<[!?]|\]\(/g) ?? []).length * text.length;
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child, nested);
  };
  visit(parser.parse(source), 0);
  return actual;
}

describe("checkMarkdownBudget", () => {
  it.each(Object.entries(HOSTILE_MARKDOWN))("refuses %s at full length", (_name, text) => {
    expect(checkMarkdownBudget(text).ok).toBe(false);
  });

  it("measures every hostile shape in time linear in its length", () => {
    const started = performance.now();
    for (const text of Object.values(HOSTILE_MARKDOWN)) measureMarkdown(text);
    // Dozens of 20,000-character texts; a quadratic scan would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("lets the seeded roadmap and long notes full of code through", () => {
    expect(checkMarkdownBudget(SEEDED_ROADMAP)).toEqual({ ok: true });
    expect(CODE_NOTE.length).toBeGreaterThan(15_000);
    expect(checkMarkdownBudget(CODE_NOTE)).toEqual({ ok: true });
  });

  it("does not count marks inside fenced code, only outside", () => {
    const brackets = "[*_`<&".repeat(1_000);
    expect(measureMarkdown(`\`\`\`\n${brackets}\n\`\`\``).inlineMarks).toBe(0);
    expect(checkMarkdownBudget(`text\n\n${brackets}`)).toEqual({ ok: false, exceeded: "inlineMarks" });
  });

  const marks = "*a".repeat(MARKDOWN_BUDGET.inlineMarks + 1);
  it.each([
    ["after raw HTML, which may hide the fence", `<div>\n\`\`\`\n\n${marks}`],
    ["when the fence opens in a block quote that the next line leaves", `> \`\`\`\n${marks}`],
    ["when the fence opens in a list item that the next line leaves", `- \`\`\`\n${marks}\n  \`\`\``],
    ["when an indented closing fence may or may not close it", ` \`\`\`\n     \`\`\`\n${marks}`],
    ["when a line leaves the fence's indentation", `  \`\`\`\n${marks}`],
  ])("counts marks inside a fence %s", (_name, text) => {
    expect(checkMarkdownBudget(text)).toEqual({ ok: false, exceeded: "inlineMarks" });
  });

  it("counts a thematic break as no nesting at all", () => {
    expect(measureMarkdown("- ".repeat(30).trim()).nesting).toBe(0);
    expect(measureMarkdown(`- ${"* ".repeat(30).trim()}`).nesting).toBe(1);
  });

  it("does not count deep indentation as nesting when no list led there", () => {
    const indentedCode = Array.from({ length: 50 }, (_, depth) => `${" ".repeat(4 + depth * 4)}value = [${depth}]`).join("\n");
    expect(measureMarkdown(`Code:\n\n${indentedCode}`).nesting).toBe(0);
  });

  it("counts nesting built up by indentation one list level at a time", () => {
    const list = Array.from({ length: 40 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join("\n");
    expect(measureMarkdown(list).nesting).toBeGreaterThanOrEqual(40);
    expect(checkMarkdownBudget(list)).toEqual({ ok: false, exceeded: "nesting" });
  });

  // Both were found by the property tests below.
  it.each([
    ["a fence in a list item closed by an outdented fence", "- a\n\n  ```\n  x\n```\n- b\n```\n- - - - - - b\n"],
    ["footnote definitions nested in one another", "[^a]: [^a]: [^a]: [^a]: \n    - b"],
    ["footnote definitions nested across lines", "[^a]:\n    [^b]:\n    - b"],
  ])("measures the nesting of %s", (_name, text) => {
    expect(measureMarkdown(text).nesting).toBeGreaterThanOrEqual(parsed(text).nesting);
  });

  it("ends lines at \\r and \\r\\n as the parser does", () => {
    const nested = `${"- ".repeat(MARKDOWN_BUDGET.nesting + 1)}x`;
    expect(checkMarkdownBudget(`a\r${nested}`)).toEqual({ ok: false, exceeded: "nesting" });
    expect(checkMarkdownBudget(`a\r\n${nested}`)).toEqual({ ok: false, exceeded: "nesting" });
  });

  it("counts the cells a short row gets padded with", () => {
    const table = `|${"a|".repeat(100)}\n|${"-|".repeat(100)}\n${"b\n".repeat(25)}`;
    expect(measureMarkdown(table).tableCells).toBe(2_600);
    expect(parsed(table).tableCells).toBe(2_600);
  });

  it("stays linear where the parser does not: one long word, one long line of plain text", () => {
    expect(checkMarkdownBudget(repeatTo("a"))).toEqual({ ok: true });
    expect(checkMarkdownBudget(repeatTo("plain words "))).toEqual({ ok: true });
  });

  // The budget only protects the server if no text can build more than it measured.
  it("never measures less than the parser builds", () => {
    const pieces = [
      "- ", "* ", "+ ", "1. ", "2) ", "10. ", "> ", ">", "[^a]: ", "[^a\\]]: ", " ", "  ", "   ", "    ", "\t", "\n", "\n",
      "\r", "\r\n", "\n\n", "```", "~~~", "````", "``` x`", "`", "*", "**", "_", "~", "[", "]", "](b)", "](<", "](b (",
      "<", "<div>", "<!--", "-->", "<?", "<![CDATA[", "a", "b c", "|", "| a |", "| --- |", "|-|", "---", "***", "- - -",
      "\\", "&amp;", "www.a.b", "http://x", "@", "[a]: /u 'x", "'", "\u00a0", "# ", "1. x\n", "- x\n", "  ```", "     ```",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const source = parts.join("");
        const measured = measureMarkdown(source);
        const actual = parsed(source);
        expect(measured.nesting).toBeGreaterThanOrEqual(actual.nesting);
        expect(measured.inlineMarks).toBeGreaterThanOrEqual(actual.inlineMarks);
        expect(measured.tableCells).toBeGreaterThanOrEqual(actual.tableCells);
        expect(measured.lookahead).toBeGreaterThanOrEqual(actual.lookahead);
      }),
      { numRuns: 3_000 },
    );
  });

  it("never measures less nesting than lists, quotes and footnotes build across lines", () => {
    const pieces = [
      "- ", "1. ", "2. ", "* ", "> ", "[^a]: ", "[^b]:", "\n    [^c]: ", "  ", "    ", "\t", "\n", "\n", "a", "\n\n", "```", "~~~",
      "\n```", "\n ```", "\n  ```", "\n   ```", "\n    ```", "    - ", "      ", "-", "b\n", "<a>",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 160 }), (parts) => {
        const source = parts.join("");
        expect(measureMarkdown(source).nesting).toBeGreaterThanOrEqual(parsed(source).nesting);
      }),
      { numRuns: 2_000 },
    );
  });
});
