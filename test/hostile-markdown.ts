// Markdown shapes that once stalled the parser for seconds to minutes, for the unit tests and the end-to-end run
// (docs/security.md #34).
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

/** Each shape at a given length (the limit of the field it goes into). */
export const HOSTILE_SHAPES: Record<string, (length: number) => string> = {
  "bullet list markers on one line": (length) => repeatTo("- ", "x", length),
  "star list markers on one line": (length) => repeatTo("* ", "x", length),
  "plus list markers on one line": (length) => repeatTo("+ ", "x", length),
  "ordered list markers on one line": (length) => repeatTo("1. ", "x", length),
  "ordered list markers with parentheses": (length) => repeatTo("1) ", "x", length),
  "block quote markers": (length) => repeatTo("> ", "x", length),
  "block quote markers without spaces": (length) => repeatTo(">", "x", length),
  "mixed container markers": (length) => repeatTo("> - 1. ", "x", length),
  "footnote definitions in footnote definitions": (length) => repeatTo("[^a]: ", "x", length),
  "list nested by indentation": (length) => linesUpTo((depth) => `${" ".repeat(depth * 2)}- a\n`, length),
  "block quotes one deeper per line": (length) => linesUpTo((depth) => `${"> ".repeat(depth + 1)}a\n`, length),
  "nested list items on every line": (length) => repeatTo("- - - - a\n", "x", length),
  "emphasis run": (length) => repeatTo("*a", "x", length),
  "underscore emphasis run": (length) => repeatTo("_a", "x", length),
  "strong emphasis run": (length) => repeatTo("**a", "x", length),
  "closing emphasis run": (length) => repeatTo("a*", "x", length),
  "emphasis nested thousands deep": (length) => `${"*".repeat(Math.floor((length - 1) / 2))}a${"*".repeat(Math.ceil((length - 1) / 2))}`,
  "strikethrough run": (length) => repeatTo("~a", "x", length),
  "double strikethrough run": (length) => repeatTo("~~a", "x", length),
  "open brackets": (length) => repeatTo("[", "", length),
  "bracketed words": (length) => repeatTo("[a", "x", length),
  "link destinations without links": (length) => repeatTo("](", "x", length),
  "empty links": (length) => repeatTo("[](", "x", length),
  "image openers": (length) => repeatTo("![", "x", length),
  "images nested in images": (length) => `${"![".repeat(Math.floor(length / 6))}${"](b)".repeat(Math.floor(length / 6))}`,
  "footnote call openers": (length) => repeatTo("[^", "x", length),
  "backtick run": (length) => repeatTo("`a", "x", length),
  "backtick runs of every length": (length) => linesUpTo((run) => `${"`".repeat(run + 1)} `, length),
  "angle brackets": (length) => repeatTo("<", "", length),
  "tag openers": (length) => repeatTo("<a", "x", length),
  "unclosed comments in one paragraph": (length) => repeatTo("a <!-- b\n", "x", length),
  "unclosed processing instructions": (length) => repeatTo("a <? b\n", "x", length),
  "unclosed link titles": (length) => repeatTo("[a](b (x\n", "x", length),
  "character references": (length) => repeatTo("&amp;", "x", length),
  "numeric reference openers": (length) => repeatTo("&#", "x", length),
  "www autolinks": (length) => repeatTo("www.a ", "x", length),
  "http autolinks": (length) => repeatTo("http://a ", "x", length),
  "email autolinks": (length) => repeatTo("a.b@c.d ", "x", length),
  "backslash escapes": (length) => repeatTo("\\", "a", length),
  "link reference definitions": (length) => linesUpTo((index) => `[r${index}]: https://example.com/${index}\n`, length),
  "footnote definitions": (length) => linesUpTo((index) => `[^${index}]: note\n`, length),
  "table thousands of columns wide": (length) => {
    const columns = Math.floor(length / 8);
    return `|${"a|".repeat(columns)}\n|${"-|".repeat(columns)}\n${"b\n".repeat(Math.floor((length - 4 * columns - 4) / 2))}`;
  },
  "table with padded rows": (length) => {
    const head = "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n";
    return `${head}${"x\n".repeat(Math.floor((length - head.length) / 2))}`;
  },
  "one-character lines": (length) => repeatTo("a\n", "x", length),
  "one-character paragraphs": (length) => repeatTo("a\n\n", "x", length),
  "hard line breaks": (length) => repeatTo("a  \n", "x", length),
  "short list items": (length) => repeatTo("- a\n", "x", length),
};

/** Every shape at MARKDOWN_MAX_LENGTH, the longest Markdown Cairn stores. */
export const HOSTILE_MARKDOWN: Record<string, string> = Object.fromEntries(
  Object.entries(HOSTILE_SHAPES).map(([name, shape]) => [name, shape(MARKDOWN_MAX_LENGTH)]),
);
