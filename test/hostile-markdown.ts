// Markdown shapes that once stalled the parser for seconds to minutes, each as long as Cairn stores (20,000
// characters), for the unit tests and the end-to-end run (docs/security.md #34).
import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";

/** `unit` repeated up to `length` characters, ending with `tail`. */
export function repeatTo(unit: string, tail = "x", length = MARKDOWN_MAX_LENGTH): string {
  return unit.repeat(Math.floor((length - tail.length) / unit.length)) + tail;
}

function linesUpTo(line: (index: number) => string, length = MARKDOWN_MAX_LENGTH): string {
  let text = "";
  for (let index = 0; ; index++) {
    const next = line(index);
    if (text.length + next.length > length) return text;
    text += next;
  }
}

export const HOSTILE_MARKDOWN: Record<string, string> = {
  "bullet list markers on one line": repeatTo("- "),
  "star list markers on one line": repeatTo("* "),
  "plus list markers on one line": repeatTo("+ "),
  "ordered list markers on one line": repeatTo("1. "),
  "ordered list markers with parentheses": repeatTo("1) "),
  "block quote markers": repeatTo("> "),
  "block quote markers without spaces": repeatTo(">"),
  "mixed container markers": repeatTo("> - 1. "),
  "footnote definitions in footnote definitions": repeatTo("[^a]: "),
  "list nested by indentation": linesUpTo((depth) => `${" ".repeat(depth * 2)}- a\n`),
  "block quotes one deeper per line": linesUpTo((depth) => `${"> ".repeat(depth + 1)}a\n`),
  "nested list items on every line": repeatTo("- - - - a\n"),
  "emphasis run": repeatTo("*a"),
  "underscore emphasis run": repeatTo("_a"),
  "strong emphasis run": repeatTo("**a"),
  "closing emphasis run": repeatTo("a*"),
  "emphasis nested thousands deep": `${"*".repeat(9_999)}a${"*".repeat(10_000)}`,
  "strikethrough run": repeatTo("~a"),
  "double strikethrough run": repeatTo("~~a"),
  "open brackets": repeatTo("[", ""),
  "bracketed words": repeatTo("[a"),
  "link destinations without links": repeatTo("]("),
  "empty links": repeatTo("[]("),
  "image openers": repeatTo("!["),
  "images nested in images": `${"![".repeat(5_000)}${"](b)".repeat(2_499)}`,
  "footnote call openers": repeatTo("[^"),
  "backtick run": repeatTo("`a"),
  "backtick runs of every length": linesUpTo((length) => `${"`".repeat(length + 1)} `),
  "angle brackets": repeatTo("<", ""),
  "tag openers": repeatTo("<a"),
  "unclosed comments in one paragraph": repeatTo("a <!-- b\n"),
  "unclosed processing instructions": repeatTo("a <? b\n"),
  "unclosed link titles": repeatTo("[a](b (x\n"),
  "character references": repeatTo("&amp;"),
  "numeric reference openers": repeatTo("&#"),
  "www autolinks": repeatTo("www.a "),
  "http autolinks": repeatTo("http://a "),
  "email autolinks": repeatTo("a.b@c.d "),
  "backslash escapes": repeatTo("\\", "a"),
  "link reference definitions": linesUpTo((index) => `[r${index}]: https://example.com/${index}\n`),
  "footnote definitions": linesUpTo((index) => `[^${index}]: note\n`),
  "table thousands of columns wide": `|${"a|".repeat(2_500)}\n|${"-|".repeat(2_500)}\n${"b\n".repeat(2_498)}`,
  "table with padded rows": `| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n${"x\n".repeat(9_965)}`,
  "one-character lines": repeatTo("a\n"),
  "one-character paragraphs": repeatTo("a\n\n"),
  "hard line breaks": repeatTo("a  \n"),
  "short list items": repeatTo("- a\n"),
};
