import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Markdown } from "@/components/markdown";
import { PLAIN_TEXT_NOTE } from "@/components/markdown-html";
import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";
import { HOSTILE_MARKDOWN } from "@/test/hostile-markdown";

function render(markdown: string): string {
  return renderToStaticMarkup(<Markdown>{markdown}</Markdown>);
}

// Text is always escaped (`<` becomes `&lt;`), so every literal `<…>` in the output is a real element. Checking
// tags rather than the whole string lets raw HTML appear as the harmless text someone typed.
function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="https://evil.example/pixel.gif">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](  javascript:alert(1))",
  "[x](javascript://x/%0aalert(1))",
  "[x](java\tscript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "[x](vbscript:msgbox(1))",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
  "![x](javascript:alert(1))",
  "![x](https://evil.example/track.png)",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="position:fixed;inset:0">overlay</div>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<details open ontoggle="alert(1)">',
  '<input autofocus onfocus="alert(1)">',
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "- [ ] <svg onload=alert(1)>",
];

describe("Markdown", () => {
  it.each(XSS_CORPUS)("renders %j without anything that runs or loads", (input) => {
    const html = render(input);
    const tags = tagsOf(html);

    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\/?(script|iframe|img|object|embed|base|meta|link|style|form|math|noscript|details)\b/i);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\s(srcdoc|style|src|action|formaction)\s*=/i);
      expect(tag).not.toMatch(/\shref="(?!https?:\/\/|#)/i);
    }
    expect(tags.filter((tag) => /^<svg\b/.test(tag)).every((tag) => tag.includes('class="lucide'))).toBe(true);
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  it("shows raw HTML as the text that was typed", () => {
    const html = render("Use <script>alert(1)</script> here");
    expect(html).toContain("Use &lt;script&gt;alert(1)&lt;/script&gt; here");
  });

  it("keeps the text of an unsafe link but drops the link", () => {
    const html = render("[my repo](javascript:alert(1))");
    expect(html).toContain("my repo");
    expect(html).not.toContain("<a");
  });

  it("turns images into links instead of loading them", () => {
    const html = render("![Loss curve](https://example.com/loss.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://example.com/loss.png"');
    expect(html).toContain("Loss curve");
  });

  it("does not nest links when an image sits inside one", () => {
    const html = render("[![build status](https://img.example/badge.svg)](https://github.com/acme/repo)");
    expect(html.match(/<a\s/g)).toHaveLength(1);
    expect(html).toContain('href="https://github.com/acme/repo"');
    expect(html).toContain("build status");
  });

  it("renders ordinary Markdown", () => {
    const html = render(
      [
        "# Results",
        "",
        "Some **bold** and `inline code`, see [the run](https://wandb.ai/acme/runs/1) or https://example.com/auto.",
        "",
        "- first",
        "- second",
        "",
        "1. one",
        "2. two",
        "",
        "- [x] shipped",
        "",
        "> quoted",
        "",
        "```python",
        "print('hi')",
        "```",
        "",
        "| metric | value |",
        "|---|---|",
        "| f1 | 0.91 |",
        "",
        "~~old~~",
      ].join("\n"),
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toMatch(/<code[^>]*>inline code<\/code>/);
    expect(html).toMatch(/<ul[^>]*>\s*<li[^>]*>first<\/li>/);
    expect(html).toMatch(/<ol[^>]*>\s*<li[^>]*>one<\/li>/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*disabled=""[^>]*checked=""/);
    expect(html).toMatch(/<blockquote[^>]*>\s*<p>quoted<\/p>/);
    expect(html).toMatch(/<pre[^>]*><code[^>]*language-python[^>]*>print\(&#x27;hi&#x27;\)/);
    expect(html).toMatch(/<th[^>]*>metric<\/th>/);
    expect(html).toMatch(/<td[^>]*>0\.91<\/td>/);
    expect(html).toContain("<del>old</del>");

    const links = tagsOf(html).filter((tag) => tag.startsWith("<a "));
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toContain('target="_blank"');
      expect(link).toContain('rel="noopener noreferrer nofollow ugc"');
    }
    expect(html).toContain('href="https://wandb.ai/acme/runs/1"');
    expect(html).toContain("(opens in a new tab)");
  });

  it("never produces a heading that competes with the page's h1 or h2", () => {
    const html = render("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six");
    expect(html).not.toMatch(/<h[12]\b/);
    expect(html).toMatch(/<h3[^>]*>One<\/h3>/);
    expect(html).toMatch(/<h4[^>]*>Two<\/h4>/);
    expect(html).toMatch(/<h5[^>]*>Three<\/h5>/);
    expect(html).toMatch(/<h6[^>]*>Four<\/h6>/);
    expect(html).toMatch(/<h6[^>]*>Six<\/h6>/);
  });

  it("keeps footnote links working on the page", () => {
    const html = render("Claim[^1].\n\n[^1]: Source.");
    const target = html.match(/href="#([^"]+)"/)?.[1];
    expect(target).toBeDefined();
    expect(html).toContain(`id="${target}"`);
  });

  it("renders at most MARKDOWN_MAX_LENGTH characters", () => {
    expect(MARKDOWN_MAX_LENGTH).toBe(20_000);
    const html = render(`${"a".repeat(MARKDOWN_MAX_LENGTH)}TAIL`);
    expect(html).not.toContain("TAIL");
    expect(html).toContain("too long to show");
  });

  it("shows a text too deeply nested to format as its plain text", () => {
    const html = render(HOSTILE_MARKDOWN["bullet list markers on one line"]!);
    expect(html).toContain("- - - - ");
    expect(html).toContain(PLAIN_TEXT_NOTE);
  });

  it("adds the caller's class names", () => {
    expect(renderToStaticMarkup(<Markdown className="caller-class">x</Markdown>)).toMatch(/^<div class="[^"]*\bcaller-class\b/);
  });
});
