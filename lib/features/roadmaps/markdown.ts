// The roadmap Markdown format (full guide with examples in docs/roadmap-format.md).
//
// The plain template from the MLOps article imports as-is; Cairn's export adds a few indented lines under
// each bullet so that export → import gives back every field. Exported shape:
//
//   # MLOps Roadmap 2026 {#mlops-roadmap-2026}        roadmap title; `{#slug}` optional (slug of the title)
//
//   ## Goal                                           summary (Markdown)
//   Move from notebooks to models that ship.
//
//   ## Phase 1: Core foundations {#core-foundations}  phase; the number is ignored, `{#key}` optional
//   Text before the first bullet is the phase description.
//
//   - Write Python you can package {#python-packaging}   milestone; `{#key}` optional (slug of the title)
//     Indented lines right under the bullet are the description (Markdown, kept verbatim).
//
//     Done when:                                       acceptance criteria, one `- ` item each
//       - `pip install .` works in a fresh virtual environment
//
//     Resources:                                       links, `- [label](https://…)`, http/https only
//       - [Python Packaging User Guide](https://packaging.python.org/)
//
//     Evidence: required · Review: required · Effort: 6h
//
//   ## Portfolio projects
//   1. Batch training pipeline {#batch-training-pipeline}
//      Same indented lines as a milestone (no Resources, no Effort), plus:
//
//      Evidence: required · Review: required
//
//      Demonstrates: python-packaging, track-experiments
//
//   ## Weekly execution rule       `- ` bullets, one rule each
//   ## Success criteria            `- ` bullets, `{#key}` optional (slug of the text)
//   ## Anything else               a note: its title and Markdown body, kept verbatim
//
// Sections may come in any order; the export writes the goal, the notes, the phases, the projects, the weekly
// rule and the criteria, in that order, with blank lines between blocks.
//
// Attribute lines: "Evidence: none | optional | required", "Review: required | none" (also yes/no/not
// required), "Effort: <whole hours>h" (milestones only), separated by "·" (or "|" or ";"), on one line or
// several, in any order, after the description. Labels are case-insensitive. Defaults when absent, as in the
// article's template: milestones Evidence optional, Review none, no effort; projects Evidence required,
// Review required.
//
// Rules a human editing the file rarely meets, but that keep export → import lossless:
// - The description ends at the first line, at the description's own indentation, that starts with a label
//   ("Done when:", "Resources:", "Evidence:", "Review:", "Effort:", "Demonstrates:"). A description line that
//   really starts with one is exported with a backslash before the colon ("Done when\:"), which Markdown
//   renders as the same text and import removes again. Lines inside fenced code blocks are never labels.
// - In free text (goal, phase description, notes) a line that would read as a heading (`#`, `##`) — or, in a
//   phase description, as a bullet — is exported with one extra leading space, which Markdown renders the same
//   and import removes again. Fenced code blocks are left alone; headings inside them are not headings.
// - A bullet whose title ends with ":" and is directly followed by bullets at the same level (the article's
//   "Create a clean repo structure:" then "- src/", "- tests/" …) keeps those bullets, up to the next blank
//   line or heading, as its description.
// - Keys are lower-case ASCII words joined by "-", at most 60 characters. Without `{#key}`, a key is the slug
//   of the title (accents dropped: é → e; other non-ASCII letters dropped); when nothing is left it is
//   `phase-N` for phases and `item-N` for milestones, projects and criteria (N counts from 1 in file order).
import { fileTooLargeMessage, ROADMAP_LIMITS, ROADMAP_SECTION_PATTERNS } from "@/lib/features/roadmaps/constants";
import { validateRoadmapDocument } from "@/lib/features/roadmaps/schema";
import type {
  CodeFenceLineKind,
  EvidenceRequirement,
  RoadmapCriterion,
  RoadmapDocument,
  RoadmapIssueCode,
  RoadmapMilestone,
  RoadmapParseError,
  RoadmapParseResult,
  RoadmapPath,
  RoadmapPhase,
  RoadmapProject,
  RoadmapResource,
} from "@/lib/features/roadmaps/types";
import { scanCodeFences, slugify } from "@/lib/features/roadmaps/utils";

// Lines are split on \r and \n only, so `.` must also match U+2028/U+2029 (the `s` flag): a title may hold them.
const ITEM = /^([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/s;
const HEADING = /^(#{1,2})(?:[ \t]+(.*))?$/s;
// No leading `[ \t]*`: on a long run of spaces that would backtrack quadratically.
const KEY_SUFFIX = /\{#([^{}]*)\}[ \t]*$/;
const LABELS = "done when|resources|evidence|review|effort|demonstrates";
const LABEL_LINE = new RegExp(`^(${LABELS})[ \\t]*:[ \\t]*(.*)$`, "is");
const LABEL_ESCAPABLE = new RegExp(`^(${LABELS})([ \\t]*)(\\\\*):`, "i");
const LABEL_ESCAPED = new RegExp(`^(${LABELS})([ \\t]*)\\\\(\\\\*):`, "i");
const ATTRIBUTE = /^(evidence|review|effort)[ \t]*:[ \t]*(.*)$/is;
const ATTRIBUTE_SEPARATOR = /[·•|;]/;
const RESOURCE_LINK = /^\[((?:\\.|[^\\\]])*)\]\((.*)\)$/s;
const BARE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/i;
const STRUCTURAL_IN_PHASE = /^ *(?:#{1,2}|[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const STRUCTURAL_IN_SECTION = /^ *#{1,2}(?:[ \t]|$)/;
const MAX_REPORTED_ERRORS = 100;

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Leading whitespace in columns; a tab advances to the next multiple of 4, as in CommonMark. */
function indentOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === " ") columns += 1;
    else if (char === "\t") columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

function stripIndent(line: string, columns: number): string {
  let removed = 0;
  let index = 0;
  while (index < line.length && removed < columns) {
    const char = line[index];
    if (char === " ") removed += 1;
    else if (char === "\t") {
      const width = 4 - (removed % 4);
      if (removed + width > columns) return " ".repeat(removed + width - columns) + line.slice(index + 1);
      removed += width;
    } else break;
    index += 1;
  }
  return line.slice(index);
}

function splitKeySuffix(text: string): { text: string; key: string | null } {
  const match = KEY_SUFFIX.exec(text);
  if (!match) return { text: text.trim(), key: null };
  return { text: text.slice(0, match.index).trim(), key: (match[1] ?? "").trim() };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

type Heading = { index: number; level: 1 | 2; text: string };

type ItemBlock = {
  /** The line of the bullet itself. */
  start: number;
  /** The bullet's text (lazy continuation lines joined), key suffix still attached. */
  text: string;
  /** Indented lines under the bullet, trailing blank lines dropped. */
  block: number[];
  /** Same-level bullets absorbed after a title ending in ":" (the article's flattened sub-bullets). */
  flattened: number[];
  next: number;
};

type ItemFields = {
  description: string;
  doneWhen: string[];
  resources: RoadmapResource[];
  evidence: EvidenceRequirement | undefined;
  reviewRequired: boolean | undefined;
  effortHours: number | null | undefined;
  milestoneKeys: string[];
};

class MarkdownReader {
  readonly errors: RoadmapParseError[] = [];
  private readonly lineOf = new Map<string, number>();
  private readonly suppressedPaths: string[] = [];
  private readonly suppressedCodes = new Set<RoadmapIssueCode>();
  private readonly kinds: CodeFenceLineKind[];
  private readonly openedAt: number[];
  /** Counts milestones and projects in file order, for `item-N` keys. */
  private itemOrdinal = 0;

  constructor(
    private readonly lines: string[],
    scan: ReturnType<typeof scanCodeFences>,
  ) {
    this.kinds = scan.kinds;
    this.openedAt = scan.openedAt;
  }

  line(index: number): string {
    return this.lines[index] ?? "";
  }

  error(index: number, message: string): void {
    this.errors.push({ line: index + 1, message });
  }

  mark(path: RoadmapPath, index: number): void {
    this.lineOf.set(path.join("."), index + 1);
  }

  suppress(path: RoadmapPath): void {
    this.suppressedPaths.push(path.join("."));
  }

  suppressCode(code: RoadmapIssueCode): void {
    this.suppressedCodes.add(code);
  }

  isSuppressed(path: RoadmapPath, code: RoadmapIssueCode): boolean {
    if (this.suppressedCodes.has(code)) return true;
    const joined = path.join(".");
    return this.suppressedPaths.some((prefix) => joined === prefix || joined.startsWith(`${prefix}.`));
  }

  lineFor(path: RoadmapPath): number {
    for (let length = path.length; length >= 0; length -= 1) {
      const line = this.lineOf.get(path.slice(0, length).join("."));
      if (line !== undefined) return line;
    }
    return 1;
  }

  isText(index: number): boolean {
    return this.kinds[index] === "text";
  }

  /** A code line (not an opening one) of a fence opened below `owner`: it stays with `owner` whatever its indentation. */
  isFenceInside(index: number, owner: number): boolean {
    const kind = this.kinds[index];
    return (kind === "fence-body" || kind === "fence-close") && (this.openedAt[index] ?? -1) > owner;
  }

  isItem(index: number): boolean {
    return this.isText(index) && ITEM.test(this.line(index));
  }

  firstNonBlank(start: number, end: number): number | null {
    for (let index = start; index < end; index += 1) if (!isBlank(this.line(index))) return index;
    return null;
  }

  /** Marks `path` at the first non-blank line of a region, or at `fallback`. */
  markRegion(path: RoadmapPath, start: number, end: number, fallback: number): void {
    this.mark(path, this.firstNonBlank(start, end) ?? fallback);
  }

  /** Goal, phase description, note body: verbatim apart from undoing the export's one-space escape. */
  readFreeText(start: number, end: number, structural: RegExp): string {
    const out: string[] = [];
    for (let index = start; index < end; index += 1) {
      const line = this.line(index);
      out.push(this.isText(index) && line.startsWith(" ") && structural.test(line) ? line.slice(1) : line);
    }
    return out.join("\n");
  }

  /** Reports a line that does not belong where it is and skips to the next bullet. */
  unexpected(index: number, end: number, message: string): number {
    this.error(index, message);
    let next = index + 1;
    while (next < end && !this.isItem(next)) next += 1;
    return next;
  }

  collectItem(index: number, end: number, allowFlattened: boolean): ItemBlock {
    let text = (ITEM.exec(this.line(index))?.[2] ?? "").trim();
    let next = index + 1;
    // Lazy continuation: a wrapped bullet title goes on at column 0, as CommonMark allows.
    while (next < end && this.isText(next) && !isBlank(this.line(next)) && indentOf(this.line(next)) === 0 && !this.isItem(next)) {
      text = `${text} ${this.line(next).trim()}`;
      next += 1;
    }
    const afterTitle = next;
    const block: number[] = [];
    while (next < end) {
      const line = this.line(next);
      const insideOwnFence = this.isFenceInside(next, index);
      if (isBlank(line) || indentOf(line) >= 1 || insideOwnFence) {
        block.push(next);
        next += 1;
        continue;
      }
      break;
    }
    while (block.length > 0 && isBlank(this.line(block[block.length - 1] ?? 0))) block.pop();

    const flattened: number[] = [];
    const titleEndsWithColon = splitKeySuffix(text).text.endsWith(":");
    if (allowFlattened && block.length === 0 && next === afterTitle && titleEndsWithColon) {
      while (next < end) {
        const line = this.line(next);
        const insideOwnFence = this.isFenceInside(next, index);
        if (isBlank(line) || !(this.isItem(next) || indentOf(line) >= 1 || insideOwnFence)) break;
        flattened.push(next);
        next += 1;
      }
    }
    return { start: index, text, block, flattened, next };
  }

  /** The bullets between `start` and `end`; blank lines are skipped and any other line is reported with `stray`. */
  *items(start: number, end: number, allowFlattened: boolean, stray: string): Generator<ItemBlock> {
    let index = start;
    while (index < end) {
      if (isBlank(this.line(index))) {
        index += 1;
        continue;
      }
      if (!this.isItem(index)) {
        index = this.unexpected(index, end, stray);
        continue;
      }
      const item = this.collectItem(index, end, allowFlattened);
      yield item;
      index = item.next;
    }
  }

  readItemFields(kind: "milestone" | "project", title: string, path: RoadmapPath, item: ItemBlock): ItemFields {
    const fields: ItemFields = {
      description: "",
      doneWhen: [],
      resources: [],
      evidence: undefined,
      reviewRequired: undefined,
      effortHours: undefined,
      milestoneKeys: [],
    };
    const what = `${kind} "${shorten(title)}"`;
    if (item.flattened.length > 0) {
      fields.description = item.flattened.map((index) => this.line(index)).join("\n");
      this.mark([...path, "description"], item.flattened[0] ?? 0);
      return fields;
    }
    if (item.block.length === 0) return fields;

    const measured = item.block.filter(
      (index) => !isBlank(this.line(index)) && (this.kinds[index] === "text" || this.kinds[index] === "fence-open"),
    );
    const base = measured.reduce(
      (least, index) => Math.min(least, indentOf(this.line(index))),
      measured.length > 0 ? Number.POSITIVE_INFINITY : 0,
    );
    const description: string[] = [];
    let inAttributes = false;
    let list: { kind: "doneWhen" | "resources"; itemIndent: number | null } | null = null;
    const seenLabels = new Map<string, number>();

    for (const index of item.block) {
      const raw = this.line(index);
      const blank = isBlank(raw);
      const code = !this.isText(index);
      const relative = stripIndent(raw, base);
      const relativeIndent = indentOf(raw) - base;
      const label = !blank && !code && relativeIndent === 0 ? LABEL_LINE.exec(relative) : null;

      if (!inAttributes) {
        if (!label) {
          if (blank) description.push("");
          else if (code || relativeIndent > 0) description.push(relative);
          else description.push(relative.replace(LABEL_ESCAPED, "$1$2$3:"));
          continue;
        }
        inAttributes = true;
      }
      if (blank) continue;

      if (label) {
        const name = (label[1] ?? "").toLowerCase();
        const value = (label[2] ?? "").trim();
        list = null;
        if (name === "evidence" || name === "review" || name === "effort") {
          this.readAttributeLine(kind, what, relative.trim(), index, path, fields, seenLabels);
          continue;
        }
        const firstUse = seenLabels.get(name);
        if (firstUse !== undefined) {
          this.error(index, `"${label[1]}:" appears twice under the ${what} (first on line ${firstUse + 1}); merge the two lists.`);
          continue;
        }
        seenLabels.set(name, index);
        if (name === "done when") {
          this.mark([...path, "doneWhen"], index);
          list = { kind: "doneWhen", itemIndent: null };
          if (value !== "") this.addListItem(list, value, index, path, fields);
        } else if (name === "resources") {
          if (kind === "project") {
            this.error(index, `Portfolio projects have no resources; move these links into the description of the ${what} or onto a milestone.`);
            continue;
          }
          this.mark([...path, "resources"], index);
          list = { kind: "resources", itemIndent: null };
          if (value !== "") this.addListItem(list, value, index, path, fields);
        } else if (name === "demonstrates") {
          if (kind === "milestone") {
            this.error(index, `"Demonstrates:" belongs to portfolio projects; the ${what} cannot demonstrate other milestones.`);
            continue;
          }
          fields.milestoneKeys = value.replace(/`/g, "").split(/[\s,]+/).filter(Boolean);
          this.mark([...path, "milestoneKeys"], index);
          fields.milestoneKeys.forEach((_, position) => this.mark([...path, "milestoneKeys", position], index));
        }
        continue;
      }

      const trimmed = relative.trim();
      const bullet = code ? null : ITEM.exec(trimmed);
      if (list && bullet) {
        list.itemIndent = relativeIndent;
        this.addListItem(list, (bullet[2] ?? "").trim(), index, path, fields);
        continue;
      }
      if (list?.kind === "doneWhen" && list.itemIndent !== null && relativeIndent > list.itemIndent && !code) {
        const last = fields.doneWhen.length - 1;
        fields.doneWhen[last] = `${fields.doneWhen[last] ?? ""} ${trimmed}`.trim();
        continue;
      }
      this.error(
        index,
        `Unexpected text after the "Done when", "Resources" or attribute lines of the ${what}. Description text goes right under the title, above those lines; list items start with "- ".`,
      );
      list = null;
    }
    fields.description = description.join("\n");
    const firstDescription = item.block.find((index) => !isBlank(this.line(index)));
    if (firstDescription !== undefined) this.mark([...path, "description"], firstDescription);
    return fields;
  }

  addListItem(
    list: { kind: "doneWhen" | "resources" },
    text: string,
    index: number,
    path: RoadmapPath,
    fields: ItemFields,
  ): void {
    if (list.kind === "doneWhen") {
      this.mark([...path, "doneWhen", fields.doneWhen.length], index);
      fields.doneWhen.push(text);
      return;
    }
    const link = RESOURCE_LINK.exec(text);
    const bare = link ? null : BARE_URL.exec(text);
    if (!link && !bare) {
      this.error(index, `Could not read the resource "${shorten(text)}"; write each one as "- [Label](https://…)".`);
      return;
    }
    let url = (link ? link[2] : bare?.[1]) ?? "";
    url = url.trim();
    if (url.startsWith("<") && url.endsWith(">")) url = url.slice(1, -1).trim();
    const label = link ? (link[1] ?? "").replace(/\\(.)/g, "$1").trim() : "";
    this.mark([...path, "resources", fields.resources.length], index);
    fields.resources.push({ label: label === "" ? url : label, url });
  }

  readAttributeLine(
    kind: "milestone" | "project",
    what: string,
    text: string,
    index: number,
    path: RoadmapPath,
    fields: ItemFields,
    seen: Map<string, number>,
  ): void {
    for (const piece of text.split(ATTRIBUTE_SEPARATOR)) {
      const part = piece.trim();
      if (part === "") continue;
      const match = ATTRIBUTE.exec(part);
      if (!match) {
        this.error(
          index,
          `Could not read "${shorten(part)}" in the attribute line of the ${what}; write it like "Evidence: required · Review: required${kind === "milestone" ? " · Effort: 6h" : ""}".`,
        );
        continue;
      }
      const name = (match[1] ?? "").toLowerCase();
      const raw = (match[2] ?? "").trim();
      const value = raw.replace(/\.$/, "").trim().toLowerCase();
      const firstUse = seen.get(name);
      if (firstUse !== undefined) {
        this.error(index, `${match[1]} is set twice for the ${what} (first on line ${firstUse + 1}).`);
        continue;
      }
      seen.set(name, index);
      if (name === "evidence") {
        this.mark([...path, "evidence"], index);
        if (value === "none" || value === "optional" || value === "required") fields.evidence = value;
        else this.error(index, `Evidence must be "none", "optional" or "required"; "${shorten(raw)}" is not one of them (${what}).`);
      } else if (name === "review") {
        this.mark([...path, "reviewRequired"], index);
        if (value === "required" || value === "yes") fields.reviewRequired = true;
        else if (value === "none" || value === "no" || value === "not required") fields.reviewRequired = false;
        else this.error(index, `Review must be "required" or "none"; "${shorten(raw)}" is neither (${what}).`);
      } else {
        if (kind === "project") {
          this.error(index, `Effort applies to milestones only; remove it from the ${what}.`);
          continue;
        }
        this.mark([...path, "effortHours"], index);
        const hours = /^(\d+)[ \t]*(?:h|hrs?|hours?)?$/.exec(value);
        if (hours) fields.effortHours = Number(hours[1]);
        else if (value === "none" || value === "-") fields.effortHours = null;
        else this.error(index, `Effort must be a whole number of hours, like "Effort: 6h"; "${shorten(raw)}" is not (${what}).`);
      }
    }
  }

  nextItemKey(title: string, explicit: string | null): string {
    this.itemOrdinal += 1;
    return explicit ?? (slugify(title) || `item-${this.itemOrdinal}`);
  }

  readPhase(heading: Heading, number: string, rest: string, end: number, phaseIndex: number): RoadmapPhase {
    const path = ["phases", phaseIndex] as const;
    const { text: title, key: explicitKey } = splitKeySuffix(rest);
    this.mark(path, heading.index);
    this.mark([...path, "milestones"], heading.index);
    if (title === "") {
      this.error(heading.index, `Phase ${number} has no name; write the heading as "## Phase ${number}: Name".`);
      this.suppress([...path, "title"]);
    }
    let index = heading.index + 1;
    while (index < end && !this.isItem(index)) index += 1;
    const description = this.readFreeText(heading.index + 1, index, STRUCTURAL_IN_PHASE);
    this.markRegion([...path, "description"], heading.index + 1, index, heading.index);

    const milestones: RoadmapMilestone[] = [];
    let overflow = 0;
    const stray = `This line is not a milestone of phase "${shorten(title || number)}". Start each milestone with "- "; indent other text by two spaces to add it to the description of the milestone above.`;
    for (const item of this.items(index, end, true, stray)) {
      // Past the limit only count: a hostile file could hold hundreds of thousands of bullets.
      if (milestones.length >= ROADMAP_LIMITS.milestonesPerPhase) {
        overflow += 1;
        continue;
      }
      const milestonePath = [...path, "milestones", milestones.length] as const;
      this.mark(milestonePath, item.start);
      const { text: milestoneTitle, key } = splitKeySuffix(item.text);
      const fields = this.readItemFields("milestone", milestoneTitle, milestonePath, item);
      milestones.push({
        key: this.nextItemKey(milestoneTitle, key),
        title: milestoneTitle,
        description: fields.description,
        doneWhen: fields.doneWhen,
        resources: fields.resources,
        evidence: fields.evidence ?? "optional",
        reviewRequired: fields.reviewRequired ?? false,
        effortHours: fields.effortHours ?? null,
      });
    }
    if (overflow > 0) {
      this.error(
        heading.index,
        `Phase "${shorten(title || number)}" has ${milestones.length + overflow} milestones; a phase can have at most ${ROADMAP_LIMITS.milestonesPerPhase}.`,
      );
      this.suppress([...path, "milestones"]);
    }
    return { key: explicitKey ?? (slugify(title) || `phase-${phaseIndex + 1}`), title, description, milestones };
  }

  readProjects(heading: Heading, end: number, projects: RoadmapProject[]): void {
    this.mark(["projects"], heading.index);
    const stray = `This line is not a portfolio project. Number each project ("1. Title") and indent other text by three spaces to add it to the project above.`;
    for (const item of this.items(heading.index + 1, end, false, stray)) {
      const path = ["projects", projects.length] as const;
      this.mark(path, item.start);
      const { text: title, key } = splitKeySuffix(item.text);
      const fields = this.readItemFields("project", title, path, item);
      projects.push({
        key: this.nextItemKey(title, key),
        title,
        description: fields.description,
        doneWhen: fields.doneWhen,
        evidence: fields.evidence ?? "required",
        reviewRequired: fields.reviewRequired ?? true,
        milestoneKeys: fields.milestoneKeys,
      });
    }
  }

  /** Weekly rule and success criteria: one bullet per entry; wrapped lines are joined with a space. */
  readSimpleList(heading: Heading, end: number, what: string, onItem: (text: string, index: number) => void): void {
    const stray = `This line is not part of the ${what}; write each entry as a "- " bullet.`;
    for (const item of this.items(heading.index + 1, end, false, stray)) {
      const continuation = item.block.map((line) => this.line(line).trim()).filter(Boolean);
      onItem([item.text, ...continuation].join(" ").trim(), item.start);
    }
  }

  parse(): RoadmapDocument {
    const document: RoadmapDocument = {
      title: "",
      slug: "",
      summary: "",
      phases: [],
      projects: [],
      weeklyRule: [],
      criteria: [],
      notes: [],
    };
    const headings: Heading[] = [];
    this.lines.forEach((line, index) => {
      const match = this.isText(index) ? HEADING.exec(line) : null;
      if (match) headings.push({ index, level: match[1] === "#" ? 1 : 2, text: (match[2] ?? "").trim() });
    });

    const title = headings.find((heading) => heading.level === 1);
    const firstContent = this.firstNonBlank(0, this.lines.length) ?? 0;
    if (!title) {
      this.error(0, 'The file has no roadmap title; start it with a line such as "# MLOps Roadmap 2026".');
      this.suppress(["title"]);
      this.suppress(["slug"]);
    } else {
      this.mark([], title.index);
      if (firstContent < title.index) {
        this.error(firstContent, `The roadmap title ("# ${shorten(title.text)}") must come first; move this text below it or remove it.`);
      }
      const { text, key } = splitKeySuffix(title.text);
      document.title = text;
      document.slug = key ?? slugify(text);
      if (text === "") {
        this.error(title.index, 'The roadmap title is empty; write it after the "# ".');
        this.suppress(["title"]);
      } else if (key === null && document.slug === "") {
        this.error(title.index, `The title "${shorten(text)}" gives no usable slug; add one at the end of the line, like "# ${shorten(text)} {#my-roadmap}".`);
        this.suppress(["slug"]);
      }
    }

    const patterns = ROADMAP_SECTION_PATTERNS;
    const hasGoal = headings.some((heading) => heading.level === 2 && patterns.goal.test(heading.text));
    const firstUse = new Map<string, number>();
    const once = (name: string, heading: Heading): boolean => {
      const first = firstUse.get(name);
      if (first === undefined) {
        firstUse.set(name, heading.index);
        return true;
      }
      this.error(heading.index, `The "## ${heading.text}" section appears twice (first on line ${first + 1}); merge the two.`);
      return false;
    };

    headings.forEach((heading, position) => {
      const start = heading.index + 1;
      const end = headings[position + 1]?.index ?? this.lines.length;
      if (heading.level === 1) {
        if (heading !== title) {
          this.error(heading.index, `A roadmap has a single "# " title, on line ${(title?.index ?? 0) + 1}; use "## " for sections.`);
          return;
        }
        const text = this.firstNonBlank(start, end);
        if (text === null) return;
        if (hasGoal) {
          this.error(text, 'Text between the title and the first section belongs under "## Goal"; move it there.');
          return;
        }
        document.summary = this.readFreeText(start, end, STRUCTURAL_IN_SECTION);
        this.mark(["summary"], text);
        return;
      }

      const phase = patterns.phase.exec(heading.text);
      if (patterns.goal.test(heading.text)) {
        if (!once("goal", heading)) return;
        document.summary = this.readFreeText(start, end, STRUCTURAL_IN_SECTION);
        this.markRegion(["summary"], start, end, heading.index);
      } else if (phase) {
        document.phases.push(this.readPhase(heading, phase[1] ?? "", phase[2] ?? "", end, document.phases.length));
      } else if (patterns.projects.test(heading.text)) {
        if (once("projects", heading)) this.readProjects(heading, end, document.projects);
      } else if (patterns.weeklyRule.test(heading.text)) {
        if (!once("weeklyRule", heading)) return;
        this.mark(["weeklyRule"], heading.index);
        this.readSimpleList(heading, end, "weekly execution rule", (text, index) => {
          this.mark(["weeklyRule", document.weeklyRule.length], index);
          document.weeklyRule.push(text);
        });
      } else if (patterns.criteria.test(heading.text)) {
        if (!once("criteria", heading)) return;
        this.mark(["criteria"], heading.index);
        this.readSimpleList(heading, end, "success criteria", (text, index) => {
          const { text: criterionText, key } = splitKeySuffix(text);
          this.mark(["criteria", document.criteria.length], index);
          const criterion: RoadmapCriterion = {
            key: key ?? (slugify(criterionText) || `item-${document.criteria.length + 1}`),
            text: criterionText,
          };
          document.criteria.push(criterion);
        });
      } else {
        const path = ["notes", document.notes.length] as const;
        this.mark(path, heading.index);
        this.markRegion([...path, "body"], start, end, heading.index);
        document.notes.push({ title: heading.text, body: this.readFreeText(start, end, STRUCTURAL_IN_SECTION) });
      }
    });

    if (document.phases.length === 0) {
      this.error(
        title?.index ?? 0,
        'The roadmap has no phases; add a section such as "## Phase 1: Foundations" with at least one "- " milestone under it.',
      );
      this.suppressCode("no-phases");
    }
    return document;
  }
}

function fail(line: number, message: string): RoadmapParseResult {
  return { ok: false, errors: [{ line, message }] };
}

/** Reads a roadmap in the Markdown format; nothing is returned unless the whole file is valid. */
export function parseRoadmapMarkdown(text: string): RoadmapParseResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > ROADMAP_LIMITS.fileBytes) {
    return fail(1, fileTooLargeMessage(bytes));
  }
  if (text.trim() === "" || text.trim() === "\uFEFF") {
    return fail(
      1,
      'The file is empty. A roadmap needs a "# Title" line and at least one "## Phase 1: Name" section with "- " milestones.',
    );
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const scan = scanCodeFences(lines);
  const reader = new MarkdownReader(lines, scan);
  if (scan.unclosedAt !== null) {
    const fence = /(`{3,}|~{3,})/.exec(reader.line(scan.unclosedAt))?.[1] ?? "```";
    reader.error(
      scan.unclosedAt,
      `The code block that starts on this line is never closed, so everything after it reads as code; add a closing ${fence} line.`,
    );
    reader.suppressCode("unclosed-code-fence");
  }
  const document = reader.parse();

  const validation = validateRoadmapDocument(document, { describe: (path) => `line ${reader.lineFor(path)}` });
  const errors = [...reader.errors];
  if (!validation.ok) {
    for (const issue of validation.issues) {
      if (!reader.isSuppressed(issue.path, issue.code)) errors.push({ line: reader.lineFor(issue.path), message: issue.message });
    }
  }
  if (errors.length === 0 && validation.ok) return { ok: true, document: validation.document };

  const seen = new Set<string>();
  const unique = errors
    .filter((error) => {
      const id = `${error.line}\u0000${error.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.line - b.line);
  if (unique.length > MAX_REPORTED_ERRORS) {
    const hidden = unique.length - MAX_REPORTED_ERRORS;
    return {
      ok: false,
      errors: [
        ...unique.slice(0, MAX_REPORTED_ERRORS),
        { line: unique[MAX_REPORTED_ERRORS]?.line ?? 1, message: `…and ${hidden} more problems; fix the ones above first.` },
      ],
    };
  }
  return { ok: false, errors: unique };
}

/** Free text: one extra leading space on lines that would otherwise read as structure (see the top). */
function escapeFreeText(text: string, structural: RegExp): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  const { kinds } = scanCodeFences(lines);
  return lines.map((line, index) => (kinds[index] === "text" && structural.test(line) ? ` ${line}` : line));
}

/** Description lines that start with a label get a backslash before the colon (see the top). */
function escapeDescription(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  const { kinds } = scanCodeFences(lines);
  return lines.map((line, index) => (kinds[index] === "text" ? line.replace(LABEL_ESCAPABLE, "$1$2$3\\:") : line));
}

function attributeLine(evidence: EvidenceRequirement, reviewRequired: boolean, effortHours: number | null): string {
  const parts = [`Evidence: ${evidence}`, `Review: ${reviewRequired ? "required" : "none"}`];
  if (effortHours !== null) parts.push(`Effort: ${effortHours}h`);
  return parts.join(" · ");
}

function writeItem(
  marker: string,
  item: { key: string; title: string; description: string; doneWhen: string[] },
  resources: RoadmapResource[],
  attributes: string,
  milestoneKeys: string[],
): string[] {
  const indent = " ".repeat(marker.length);
  const out = [`${marker}${item.title} {#${item.key}}`];
  for (const line of escapeDescription(item.description)) out.push(line === "" ? "" : `${indent}${line}`);
  // Blank lines between the blocks keep Markdown renderers from gluing a label onto the list above it.
  const block = (...lines: string[]) => {
    if (out.length > 1) out.push("");
    out.push(...lines.map((line) => `${indent}${line}`));
  };
  if (item.doneWhen.length > 0) block("Done when:", ...item.doneWhen.map((entry) => `  - ${entry}`));
  if (resources.length > 0) {
    block("Resources:", ...resources.map((resource) => `  - [${resource.label.replace(/[\\[\]]/g, "\\$&")}](${resource.url})`));
  }
  block(attributes);
  if (milestoneKeys.length > 0) block(`Demonstrates: ${milestoneKeys.join(", ")}`);
  return out;
}

/**
 * Writes a valid document (one that `validateRoadmapDocument` accepts) in the Markdown format. The output is
 * deterministic and every key is written, so `parseRoadmapMarkdown` gives back a deep-equal document.
 */
export function serializeRoadmapMarkdown(document: RoadmapDocument): string {
  const out: string[] = [`# ${document.title} {#${document.slug}}`];
  if (document.summary !== "") out.push("", "## Goal", "", ...escapeFreeText(document.summary, STRUCTURAL_IN_SECTION));
  // Notes come right after the goal: they are usually "how to use this roadmap" material.
  for (const note of document.notes) {
    out.push("", `## ${note.title}`);
    if (note.body !== "") out.push("", ...escapeFreeText(note.body, STRUCTURAL_IN_SECTION));
  }
  document.phases.forEach((phase, index) => {
    out.push("", `## Phase ${index + 1}: ${phase.title} {#${phase.key}}`);
    if (phase.description !== "") out.push("", ...escapeFreeText(phase.description, STRUCTURAL_IN_PHASE));
    for (const milestone of phase.milestones) {
      out.push(
        "",
        ...writeItem(
          "- ",
          milestone,
          milestone.resources,
          attributeLine(milestone.evidence, milestone.reviewRequired, milestone.effortHours),
          [],
        ),
      );
    }
  });
  if (document.projects.length > 0) {
    out.push("", "## Portfolio projects");
    document.projects.forEach((project, index) => {
      out.push(
        "",
        ...writeItem(
          `${index + 1}. `,
          project,
          [],
          attributeLine(project.evidence, project.reviewRequired, null),
          project.milestoneKeys,
        ),
      );
    });
  }
  if (document.weeklyRule.length > 0) {
    out.push("", "## Weekly execution rule", "", ...document.weeklyRule.map((rule) => `- ${rule}`));
  }
  if (document.criteria.length > 0) {
    out.push("", "## Success criteria", "", ...document.criteria.map((criterion) => `- ${criterion.text} {#${criterion.key}}`));
  }
  return `${out.join("\n")}\n`;
}
