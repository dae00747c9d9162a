import { readFileSync } from "node:fs";
import path from "node:path";

import { ImageIcon } from "lucide-react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { PLAIN_TEXT_NOTE, renderMarkdownHtml } from "@/components/markdown-html";
import { SafeLink } from "@/components/ui/safe-link";
import { parseRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { MARKDOWN_BUDGET } from "@/lib/markdown-budget";
import { HOSTILE_MARKDOWN } from "@/test/hostile-markdown";

const SEEDED_ROADMAP = readFileSync(path.join(process.cwd(), "content", "roadmaps", "mlops-roadmap-2026.md"), "utf8");

function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

/** A long note a learner could really write: prose, lists, a table and code blocks full of brackets and asterisks. */
function codeHeavyNote(): string {
  const parts = [
    "## Evaluation pipeline",
    "",
    "I moved the metrics into **one** module and added a [dashboard](https://grafana.example.com/d/abc).",
    "",
    "| metric | before | after |",
    "|---|---:|---:|",
    "| p95 latency | 420 ms | 180 ms |",
    "| f1 | 0.88 | 0.91 |",
    "",
  ];
  for (let block = 0; parts.join("\n").length < 18_000; block++) {
    parts.push(
      `### Step ${block + 1}`,
      "",
      "- [x] run the *baseline*",
      "- [ ] compare with `main`",
      "",
      "```python",
      `def score_${block}(batch, *args, **kwargs):`,
      `    weights = [[w * 2 for w in row[::2]] for row in kwargs["matrix_${block}"]]`,
      "    return {k: v ** 2 for k, v in zip(batch[0], weights[-1])}  # <- [TODO] __init__",
      "```",
      "",
    );
  }
  return parts.join("\n");
}

describe("renderMarkdownHtml", () => {
  it.each(Object.entries(HOSTILE_MARKDOWN))("renders %s at full length in bounded time, escaped", (_name, text) => {
    const started = performance.now();
    const html = renderMarkdownHtml(text);
    // These took from seconds to minutes, or overflowed the stack; now the worst takes a few hundred milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const tag of tagsOf(html)) {
      expect(tag).not.toMatch(/^<\/?(script|iframe|img|object|embed|style|form|math|svg)\b/i);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    }
    expect(html.length).toBeGreaterThan(0);
  });

  it("shows text over the budget as plain text with its line breaks, escaped, and says why", () => {
    const text = `<script>alert(1)</script> **not bold**\nsecond line\n${"- ".repeat(MARKDOWN_BUDGET.nesting + 1)}x`;
    const html = renderMarkdownHtml(text);
    expect(tagsOf(html).every((tag) => /^<\/?p\b/.test(tag))).toBe(true);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; **not bold**\nsecond line\n- - ");
    expect(html).toContain('class="whitespace-pre-wrap"');
    expect(html).toContain(PLAIN_TEXT_NOTE);
  });

  it("renders the seeded roadmap and every Markdown field in it as Markdown", () => {
    const whole = renderMarkdownHtml(SEEDED_ROADMAP);
    expect(whole).not.toContain(PLAIN_TEXT_NOTE);
    expect(whole).toMatch(/<h3[^>]*>/);
    expect(whole).toMatch(/<ul[^>]*>\s*<li/);

    const parsed = parseRoadmapMarkdown(SEEDED_ROADMAP);
    if (!parsed.ok) throw new Error("the seeded roadmap does not parse");
    const { summary, notes, phases, projects } = parsed.document;
    const fields = [
      summary,
      ...notes.map((note) => note.body),
      ...phases.flatMap((phase) => [phase.description, ...phase.milestones.flatMap((milestone) => [milestone.description, ...milestone.doneWhen])]),
      ...projects.flatMap((project) => [project.description, ...project.doneWhen]),
    ].filter((field) => field.trim() !== "");
    expect(fields.length).toBeGreaterThan(50);
    for (const field of fields) expect(renderMarkdownHtml(field)).not.toContain(PLAIN_TEXT_NOTE);
  });

  it("renders a long note full of code, brackets and asterisks as Markdown", () => {
    const note = codeHeavyNote();
    expect(note.length).toBeGreaterThan(18_000);
    const html = renderMarkdownHtml(note);
    expect(html).not.toContain(PLAIN_TEXT_NOTE);
    expect(html).toMatch(/<pre[^>]*><code[^>]*language-python[^>]*>def score_0\(batch, \*args, \*\*kwargs\):/);
    expect(html).toContain("# &lt;- [TODO] __init__");
    expect(html).toMatch(/<td[^>]*>0\.91<\/td>/);
    expect(html).toMatch(/<input[^>]*type="checkbox"/);
  });

  it("renders links exactly as SafeLink does", () => {
    const href = "https://example.com/runs?id=1&view=chart";
    const safe = renderToStaticMarkup(<SafeLink href={href}>the run</SafeLink>);
    expect(renderMarkdownHtml(`[the run](${href})`)).toBe(`<p>${safe}</p>`);

    const refused = renderToStaticMarkup(<SafeLink href="javascript:alert(1)">the run</SafeLink>);
    expect(renderMarkdownHtml("[the run](javascript:alert(1))")).toBe(`<p>${refused}</p>`);
  });

  it("draws the image link's icon exactly as lucide does", () => {
    const icon = renderToStaticMarkup(<ImageIcon aria-hidden className="me-1 inline size-3.5 align-[-0.125em]" />);
    expect(renderMarkdownHtml("![Loss curve](https://example.com/loss.png)")).toContain(
      `${icon}<span class="sr-only">Image: </span>Loss curve`,
    );
  });

  it("serves a text it already rendered from memory", () => {
    const note = codeHeavyNote();
    const first = renderMarkdownHtml(note);
    const started = performance.now();
    for (let view = 0; view < 1_000; view++) expect(renderMarkdownHtml(note)).toBe(first);
    // A thousand fresh renders of this note would take well over a minute.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
