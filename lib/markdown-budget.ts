// How much structure a Markdown text may have before Cairn shows it as plain text instead (docs/security.md #34,
// decision 009). The parser (micromark, under remark) slows down faster than the text grows in a few ways: deep
// container nesting, list items late in a long text (each one copies everything read so far), constructs left open
// that read to the end of their paragraph, many inline marks, and table rows padded to the header's width. Before
// this budget, 20,000 characters of the wrong shape blocked the process for minutes. One pass over the lines, linear
// in the text, measures all of it before anything is parsed; the limits sit far above what real texts reach (the
// seeded roadmap, long READMEs) and keep the worst text within the limits to a few hundred milliseconds.
//
// Every measure may overestimate what the parser will build, never underestimate it: a wrong guess in the safe
// direction costs a harmless plain-text rendering, one in the other direction a stalled server.

export const MARKDOWN_BUDGET = {
  /** Containers (list items, block quotes, footnote definitions) open on one line. */
  nesting: 16,
  /**
   * For each list item and footnote definition, the lines, container markers and table cells before it: when an item
   * ends, the parser copies everything it has read so far, so items cost in proportion to what precedes them.
   */
  listItemCopies: 250_000,
  /** Lines that are neither blank nor fenced code: each is a block, or a chunk of one, that the parser handles apart. */
  lines: 1_000,
  /** Characters that can start or end an inline construct, outside fenced code blocks. */
  inlineMarks: 3_000,
  /**
   * Constructs that, left open, make the parser read to the end of their paragraph (`<!--`, `<?`, a link's
   * destination and title after `](`), each times the length of its paragraph, summed.
   */
  lookahead: 1_000_000,
  /** Table cells, counting the empty cells that fill rows shorter than the header. */
  tableCells: 2_000,
} as const;

export type MarkdownBudgetCheck = { ok: true } | { ok: false; exceeded: keyof typeof MARKDOWN_BUDGET };

const TAB_STOP = 4;
// A footnote label is at most 999 characters; scanning no further keeps an unterminated `[^…` linear.
const FOOTNOTE_LABEL_MAX = 999;
const ORDERED_DIGITS_MAX = 9;

type LinePrefix = {
  /** Container markers: `>`, list item markers, footnote definition labels. */
  markers: number;
  /**
   * List item markers, and footnote definition labels counted twice: with its call and back-link, a footnote costs
   * the parser about what two list items do.
   */
  itemMarkers: number;
  /** Columns of indentation in the prefix, without the one space that belongs to each marker. */
  indent: number;
  /** Where the line's content starts, after container markers and indentation. */
  contentStart: number;
  hasTab: boolean;
  /** A footnote definition starts after indentation or another marker: it may sit in another footnote definition. */
  nestedFootnote: boolean;
};

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t";
}

function isLineEndOrSpace(line: string, index: number): boolean {
  return index >= line.length || isSpace(line[index]);
}

/**
 * Where a thematic break (`- - -`, `***`) that ends the line starts, and its character. A thematic break wins over
 * list markers, so `- - - -` is one rule, not four nested lists.
 */
function trailingRule(line: string): { start: number; char: string; count: number } | null {
  let end = line.length;
  while (end > 0 && isSpace(line[end - 1])) end--;
  const char = line[end - 1];
  if (char !== "-" && char !== "*" && char !== "_") return null;
  let start = end;
  let count = 0;
  while (start > 0 && (line[start - 1] === char || isSpace(line[start - 1]))) {
    start--;
    if (line[start] === char) count++;
  }
  return count >= 3 ? { start, char, count } : null;
}

/** Length of an ordered-list marker (`12.` or `3)`) at `index`, or 0. */
function orderedMarkerLength(line: string, index: number): number {
  let end = index;
  while (end < line.length && end - index < ORDERED_DIGITS_MAX && line[end]! >= "0" && line[end]! <= "9") end++;
  if (end === index || (line[end] !== "." && line[end] !== ")")) return 0;
  return isLineEndOrSpace(line, end + 1) ? end + 1 - index : 0;
}

/** Length of a footnote definition's `[^label]:` at `index`, or 0. */
function footnoteMarkerLength(line: string, index: number): number {
  if (line[index] !== "[" || line[index + 1] !== "^") return 0;
  const limit = Math.min(line.length, index + 2 + FOOTNOTE_LABEL_MAX + 1);
  for (let end = index + 2; end < limit; end++) {
    if (line[end] === "\\") end++;
    else if (line[end] === "]") return end > index + 2 && line[end + 1] === ":" ? end + 2 - index : 0;
  }
  return 0;
}

/** Reads the container markers and the indentation at the start of a line. */
function readPrefix(line: string): LinePrefix {
  const rule = trailingRule(line);
  let ruleCharsSeen = 0;
  let index = 0;
  let column = 0;
  let indentColumns = 0;
  let markers = 0;
  let itemMarkers = 0;
  let hasTab = false;
  let nestedFootnote = false;
  // The one space after a marker belongs to the marker, not to the indentation of a container.
  let afterMarker = false;
  for (;;) {
    while (isSpace(line[index])) {
      const width = line[index] === "\t" ? TAB_STOP - (column % TAB_STOP) : 1;
      if (line[index] === "\t") hasTab = true;
      column += width;
      indentColumns += afterMarker ? width - 1 : width;
      afterMarker = false;
      index++;
    }
    afterMarker = false;
    const char = line[index];
    let length = 0;
    if (char === ">") {
      length = 1;
    } else if ((char === "-" || char === "*" || char === "+") && isLineEndOrSpace(line, index + 1)) {
      if (rule && char === rule.char && index >= rule.start && rule.count - ruleCharsSeen >= 3) break;
      length = 1;
    } else {
      length = orderedMarkerLength(line, index);
      if (length === 0) {
        length = footnoteMarkerLength(line, index);
        if (length > 0) itemMarkers++;
        if (length > 0 && index > 0) nestedFootnote = true;
      }
    }
    if (length === 0) break;
    if (rule && index >= rule.start && char === rule.char) ruleCharsSeen++;
    markers++;
    if (char !== ">") itemMarkers++;
    index += length;
    column += length;
    afterMarker = true;
  }
  return { markers, itemMarkers, indent: indentColumns, contentStart: index, hasTab, nestedFootnote };
}

type Fence = { char: string; length: number; indent: number };

/** The fence (``` or ~~~, three or more) that the content starts with, if any. */
function fenceAt(line: string, start: number): { char: string; length: number; rest: string } | null {
  const char = line[start];
  if (char !== "`" && char !== "~") return null;
  let end = start;
  while (line[end] === char) end++;
  if (end - start < 3) return null;
  return { char, length: end - start, rest: line.slice(end) };
}

/** Where the first character other than a space or tab is, and how many columns the whitespace before it spans. */
function leadingWhitespace(line: string): { start: number; columns: number } {
  let columns = 0;
  let start = 0;
  for (; isSpace(line[start]); start++) columns += line[start] === "\t" ? TAB_STOP - (columns % TAB_STOP) : 1;
  return { start, columns };
}

function isBlank(line: string, from = 0): boolean {
  for (let index = from; index < line.length; index++) if (!isSpace(line[index])) return false;
  return true;
}

/** Number of columns when `content` is a GFM table delimiter row (`| --- | :-: |`), else 0. */
function delimiterRowColumns(content: string): number {
  if (!content.includes("|") || !content.includes("-")) return 0;
  let columns = 0;
  for (const cell of content.split("|")) {
    const trimmed = cell.trim();
    if (trimmed === "") continue;
    if (!/^:?-+:?$/.test(trimmed)) return 0;
    columns++;
  }
  return columns;
}

// A literal autolink (`www.`, `://`, an email's `@`) becomes a whole link, so it counts like `[`, `]` and the `(` of
// a written one.
const LINK_MARKS = 3;
const INLINE_MARKS = new Set(["*", "_", "~", "`", "[", "]", "<", "&", "\\"]);

function isW(char: string | undefined): boolean {
  return char === "w" || char === "W";
}

function countInlineMarks(line: string): number {
  let count = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (INLINE_MARKS.has(char)) count++;
    else if (char === "@") count += LINK_MARKS;
    else if (isW(char) && isW(line[index + 1]) && isW(line[index + 2]) && line[index + 3] === ".") count += LINK_MARKS;
    else if (char === ":" && line[index + 1] === "/" && line[index + 2] === "/") count += LINK_MARKS;
  }
  return count;
}

/** `<!` (comments, declarations, CDATA), `<?` (processing instructions) and `](` (a link's destination and title). */
function countLookaheadOpeners(line: string): number {
  let count = 0;
  for (let index = line.indexOf("<"); index !== -1; index = line.indexOf("<", index + 1)) {
    if (line[index + 1] === "!" || line[index + 1] === "?") count++;
  }
  for (let index = line.indexOf("]("); index !== -1; index = line.indexOf("](", index + 1)) count++;
  return count;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Whether a line certainly ends the paragraph before it and starts a block of its own: an ATX heading, or a list item
 * with content that may interrupt a paragraph (a bullet, or `1.`), at most three columns in. Lines the parser might
 * still read as the paragraph's continuation are not counted as a start.
 */
function startsBlock(line: string, prefix: LinePrefix): boolean {
  const { start, columns } = leadingWhitespace(line);
  if (columns > 3) return false;
  if (ATX_HEADING.test(line.slice(start, start + 7))) return true;
  const char = line[start];
  let markerEnd = 0;
  if ((char === "-" || char === "*" || char === "+") && isSpace(line[start + 1])) markerEnd = start + 1;
  else if (char === "1" && (line[start + 1] === "." || line[start + 1] === ")") && isSpace(line[start + 2])) markerEnd = start + 2;
  return markerEnd > 0 && prefix.itemMarkers > 0 && !isBlank(line, markerEnd);
}

export type MarkdownMeasure = Record<keyof typeof MARKDOWN_BUDGET, number>;

/** Upper bounds of what parsing `source` costs, one per limit of MARKDOWN_BUDGET. Linear in the length of `source`. */
export function measureMarkdown(source: string): MarkdownMeasure {
  let nesting = 0;
  // micromark continues a footnote definition nested directly in another with the same four columns of indentation
  // as the outer one, so once definitions nest, indentation no longer bounds how many containers a line continues.
  let footnotesNest = false;
  let markers = 0;
  let listItemCopies = 0;
  let lines = 0;
  let inlineMarks = 0;
  let lookahead = 0;
  let tableCells = 0;
  let tableColumns = 0;
  // The paragraph being read, as far as this scan can tell: it may span several of the parser's paragraphs, never
  // less than one.
  let paragraphLength = 0;
  let paragraphOpeners = 0;
  const endParagraph = () => {
    lookahead += paragraphOpeners * paragraphLength;
    paragraphLength = 0;
    paragraphOpeners = 0;
  };
  let previousBlank = true;
  let fence: Fence | null = null;
  // Fenced code is exempt from the inline count only while this scan is sure the parser sees the same fence. Once a
  // line could mean something else to the parser (raw HTML, a fence inside a container, an unexpected outdent), the
  // exemption is off for the rest of the text.
  let fencesTrusted = true;

  // CommonMark ends lines at \n, \r\n and a lone \r alike.
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (fence) {
      const { start, columns } = leadingWhitespace(line);
      const candidate = fenceAt(line, start);
      const closes = candidate !== null && candidate.char === fence.char && candidate.length >= fence.length && isBlank(candidate.rest);
      // A closing fence less indented than the opening one may instead end the list item the fence sits in and open
      // a new fence; one indented four or more closes it or not depending on that list item too. This scan does not
      // track list items, so both stop it trusting fences.
      if (closes && columns <= 3 && columns >= fence.indent) {
        fence = null;
        previousBlank = false;
        continue;
      }
      if (start === line.length || (columns >= fence.indent && !(closes && fence.indent > 0))) continue;
      fence = null;
      fencesTrusted = false;
    }

    if (isBlank(line)) {
      endParagraph();
      tableColumns = 0;
      previousBlank = true;
      continue;
    }

    lines++;
    const prefix = readPrefix(line);
    if (startsBlock(line, prefix)) endParagraph();
    // Each marker opens at most one container. A container kept open from an earlier line needs its own marker (block
    // quotes) or two or more columns of indentation (list items, footnote definitions), and can only be one that an
    // earlier line opened: indentation alone (deeply indented code) never nests deeper than the text did before.
    const continued = footnotesNest && prefix.indent > 0 ? nesting : Math.min(Math.floor(prefix.indent / 2), nesting);
    nesting = Math.max(nesting, prefix.markers + continued);
    footnotesNest ||= prefix.nestedFootnote;
    listItemCopies += prefix.itemMarkers * (lines + markers + tableCells);
    markers += prefix.markers;

    const opening = fenceAt(line, prefix.contentStart);
    // A backtick in a backtick fence's info string makes the line a paragraph for the parser too.
    if (opening && !(opening.char === "`" && opening.rest.includes("`")) && fencesTrusted) {
      if (prefix.markers === 0 && !prefix.hasTab && prefix.indent <= 3 && tableColumns === 0) {
        endParagraph();
        fence = { char: opening.char, length: opening.length, indent: prefix.indent };
        previousBlank = false;
        continue;
      }
      fencesTrusted = false;
    }
    if (line[prefix.contentStart] === "<") fencesTrusted = false;

    if (tableColumns > 0) {
      tableCells += tableColumns;
    } else if (!previousBlank) {
      // The line above is the header row; every following line until a blank one is a row of as many cells.
      tableColumns = delimiterRowColumns(line.slice(prefix.contentStart));
      tableCells += tableColumns;
    }
    // From the start of the line: a marker the parser does not take as one (`*` after a paragraph) is inline text.
    inlineMarks += countInlineMarks(line);
    // Two for the line ending, which may be \r\n.
    paragraphLength += line.length + 2;
    paragraphOpeners += countLookaheadOpeners(line);
    previousBlank = false;
  }
  endParagraph();
  return { nesting, listItemCopies, lines, inlineMarks, lookahead, tableCells };
}

/** Whether `source` is cheap enough to parse as Markdown, decided in time linear in its length. */
export function checkMarkdownBudget(source: string): MarkdownBudgetCheck {
  const measure = measureMarkdown(source);
  for (const limit of Object.keys(MARKDOWN_BUDGET) as (keyof typeof MARKDOWN_BUDGET)[]) {
    if (measure[limit] > MARKDOWN_BUDGET[limit]) return { ok: false, exceeded: limit };
  }
  return { ok: true };
}
