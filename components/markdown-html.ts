// Markdown written by people (milestone descriptions, notes, comments) turned into sanitized HTML once per distinct
// text (docs/security.md #17, #34; decision 009).
//
// Raw HTML is never parsed (no rehype-raw): it is shown as the escaped characters someone typed, so `<script>` is
// text and mXSS shapes have no HTML parser to confuse. rehype-sanitize (GitHub's schema) is the last step that reads
// user input; after it, Cairn only adds its own classes and rewrites links the way SafeLink renders them, re-checking
// the protocol. Images are never loaded: a remote image tells its host who read the page and when, so each one
// becomes a link (or its alt text inside a link).
//
// Parsing is guarded by a budget checked first (lib/markdown-budget.ts): text whose shape would make the parser
// slow is shown as plain text. The result is cached by text, so a page view of something already rendered costs a
// map lookup. The same function runs in the browser for the roadmap editor's preview: nothing here needs Node.
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

import { NEW_TAB_HINT } from "@/components/ui/safe-link";
import { BoundedCache } from "@/lib/bounded-cache";
import { cn } from "@/lib/cn";
import { checkMarkdownBudget } from "@/lib/markdown-budget";
import { userLinkAttributes } from "@/lib/safe-url";
import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";

/** Characters of source and HTML kept in the render cache (a few MB; the longest texts render to a few hundred kB). */
const MARKDOWN_CACHE_MAX_CHARS = 4_000_000;

/** The note under a text shown as plain text because of the budget. */
export const PLAIN_TEXT_NOTE = "Shown without formatting: this text has more Markdown structure than Cairn displays.";

/** The note under a text cut at MARKDOWN_MAX_LENGTH. */
const TRUNCATED_NOTE = "The rest of this text is too long to show.";

// Marks the links that stand in for images, so they can carry an image icon.
const IMAGE_LINK_PROPERTY = "dataMarkdownImage";

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Only remark-rehype's footnotes produce ids (raw HTML never becomes elements) and it already prefixes them with
  // `user-content-`; a second prefix would break every footnote link.
  clobberPrefix: "",
  tagNames: (defaultSchema.tagNames ?? []).filter((tagName) => tagName !== "img"),
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), [IMAGE_LINK_PROPERTY, true]],
  },
};

type Parent = Root | Element;

function imageText(image: Element): string {
  const alt = typeof image.properties.alt === "string" ? image.properties.alt.trim() : "";
  return alt === "" ? "Image" : alt;
}

function rewriteUntrusted(parent: Parent, insideLink: boolean) {
  const isRoot = parent.type === "root";
  parent.children = parent.children.map((child): ElementContent => {
    // Without this, rehype-sanitize would drop raw HTML and silently eat "use a <div> here" from a sentence.
    if (child.type === "raw") {
      const text: ElementContent = { type: "text", value: child.value };
      return isRoot ? { type: "element", tagName: "p", properties: {}, children: [text] } : text;
    }
    if (child.type !== "element") return child as ElementContent;
    if (child.tagName === "img") {
      const text: ElementContent = { type: "text", value: imageText(child) };
      // A link inside a link is invalid HTML; the outer link already leads somewhere.
      if (insideLink || typeof child.properties.src !== "string") return text;
      return {
        type: "element",
        tagName: "a",
        properties: { href: child.properties.src, [IMAGE_LINK_PROPERTY]: true },
        children: [text],
      };
    }
    rewriteUntrusted(child, insideLink || child.tagName === "a");
    return child;
  });
}

/** Raw HTML becomes text and images become links, before sanitizing. */
function rehypeTextOnlyHtml() {
  return (tree: Root) => rewriteUntrusted(tree, false);
}

// The same escaping React applies to text, so the HTML reads exactly as the React-rendered Markdown did.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function srOnly(text: string): Element {
  return { type: "element", tagName: "span", properties: { className: ["sr-only"] }, children: [{ type: "text", value: text }] };
}

// lucide's ImageIcon as it renders (markdown-html.test.ts compares them), so no React is needed to draw it.
const IMAGE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" ' +
  'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-image me-1 inline size-3.5 align-[-0.125em]" ' +
  'aria-hidden="true"><rect width="18" height="18" x="3" y="3" rx="2" ry="2"></rect><circle cx="9" cy="9" r="2"></circle>' +
  '<path d="m21 15-3.086-3.086a2 2 0 0 0-2.828 0L6 21"></path></svg>';

// Same-page anchors (GFM footnotes) are the one kind of link that needs no new tab and no protocol.
const FRAGMENT = /^#[\w-]+$/;

function classOf(properties: Properties): string | undefined {
  const { className } = properties;
  return Array.isArray(className) ? className.join(" ") : typeof className === "string" ? className : undefined;
}

/** `properties` with `className` first (`base`, then the element's own classes), the rest after it in their order. */
function styled(base: string, properties: Properties): Properties {
  const { className: _className, ...rest } = properties;
  return { className: cn(base, classOf(properties)).split(" "), ...rest };
}

function link(element: Element): Element {
  const href = element.properties.href;
  if (typeof href === "string" && FRAGMENT.test(href)) {
    const { href: _href, ...rest } = element.properties;
    return { ...element, properties: { ...rest, href } };
  }
  const content: ElementContent[] = element.properties[IMAGE_LINK_PROPERTY]
    ? [{ type: "raw", value: IMAGE_ICON }, srOnly("Image: "), ...element.children]
    : element.children;
  const attributes = userLinkAttributes(typeof href === "string" ? href : null);
  if (!attributes) return { type: "element", tagName: "span", properties: {}, children: content };
  return {
    type: "element",
    tagName: "a",
    properties: { className: ["relative"], href: attributes.href, target: attributes.target, rel: attributes.rel.split(" ") },
    children: [...content, srOnly(NEW_TAB_HINT)],
  };
}

const HEADING_STYLES: Record<string, string> = {
  h3: "mt-2 text-base leading-6 font-semibold",
  h4: "mt-2 text-sm leading-6 font-semibold",
  h5: "mt-1 text-sm leading-6 font-semibold",
  h6: "mt-1 text-sm leading-6 font-semibold text-muted-foreground",
};

// A user's `# Title` must never compete with the page's own h1/h2, so every level moves down by two.
const DEMOTED: Record<string, string> = { h1: "h3", h2: "h4", h3: "h5", h4: "h6", h5: "h6", h6: "h6" };

const TASK_LIST = "contains-task-list";
const ALIGNMENTS = new Set(["left", "right", "center"]);

/** A table cell's alignment as the inline style React used to write for it. */
function cellProperties(base: string, properties: Properties): Properties {
  const { align, ...rest } = properties;
  const style = typeof align === "string" && ALIGNMENTS.has(align) ? { style: `text-align:${align}` } : {};
  return styled(base, { ...rest, ...style });
}

function checkbox(element: Element): Element {
  const { checked, disabled, ...rest } = element.properties;
  // React writes `checked` last; the order only matters to whoever reads the HTML.
  return { ...element, properties: { ...styled("me-1.5 size-3.5 align-[-0.125em] accent-accent", rest), disabled, checked } };
}

// Whitespace between table rows and cells is not text anyone wrote; React never rendered it either.
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

function presentElement(element: Element): ElementContent {
  const children = TABLE_PARTS.has(element.tagName)
    ? element.children.filter((child) => child.type !== "text" || child.value.trim() !== "")
    : element.children;
  element.children = children.map(present);
  const { tagName, properties } = element;
  switch (tagName) {
    case "a":
      return link(element);
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6": {
      const demoted = DEMOTED[tagName]!;
      return { ...element, tagName: demoted, properties: styled(HEADING_STYLES[demoted]!, properties) };
    }
    case "ul":
      return {
        ...element,
        properties: styled(classOf(properties) === TASK_LIST ? "grid list-outside list-none gap-1 ps-0" : "grid list-outside list-disc gap-1 ps-5", properties),
      };
    case "ol":
      return {
        ...element,
        properties: styled(classOf(properties) === TASK_LIST ? "grid list-outside list-none gap-1 ps-0" : "grid list-outside list-decimal gap-1 ps-5", properties),
      };
    case "li":
      return { ...element, properties: styled("ps-1 [&>ol]:mt-1 [&>p+*]:mt-2 [&>ul]:mt-1", properties) };
    case "input":
      return checkbox(element);
    case "blockquote":
      return { ...element, properties: styled("grid gap-2 border-s-2 border-border-strong ps-3 text-muted-foreground", properties) };
    case "code":
      return { ...element, properties: styled("rounded-sm bg-surface-muted px-1 py-0.5 font-mono text-[0.8125em]", properties) };
    case "pre":
      return {
        ...element,
        properties: {
          tabIndex: 0,
          ...styled(
            "overflow-x-auto rounded-lg border border-border bg-surface-muted p-3 font-mono text-[0.8125rem] leading-5 " +
              "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none " +
              "wrap-normal [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[length:inherit]",
            properties,
          ),
        },
      };
    case "table":
      return {
        type: "element",
        tagName: "div",
        properties: {
          tabIndex: 0,
          className: [
            "max-w-full overflow-x-auto rounded-lg border border-border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          ],
        },
        children: [{ ...element, properties: styled("w-full border-collapse text-left text-[0.8125rem] leading-5 wrap-normal", properties) }],
      };
    case "th":
      return { ...element, properties: cellProperties("border-b border-border bg-surface-muted px-3 py-1.5 font-semibold [&+*]:border-s", properties) };
    case "td":
      return { ...element, properties: cellProperties("border-t border-border px-3 py-1.5 align-top [&+*]:border-s", properties) };
    case "hr":
      return { ...element, properties: styled("border-border", properties) };
    default:
      return element;
  }
}

function present(node: ElementContent): ElementContent {
  return node.type === "element" ? presentElement(node) : node;
}

/** Cairn's classes and link rules, on the sanitized tree. */
function rehypePresent() {
  return (tree: Root) => {
    tree.children = tree.children.map((child) => (child.type === "doctype" ? child : present(child)));
  };
}

const VOID_ELEMENTS = new Set(["br", "hr", "input", "wbr"]);

function attributeName(property: string): string {
  if (property === "className") return "class";
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`;
  if (/^data[A-Z]/.test(property)) return `data${property.slice(4).replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`;
  return property.toLowerCase();
}

function attributes(properties: Properties): string {
  let html = "";
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = attributeName(property);
    // As React writes them: a true boolean attribute is present and empty, a true data or ARIA attribute says "true".
    const text = value === true ? (/^(data|aria)-/.test(name) ? "true" : "") : Array.isArray(value) ? value.join(" ") : String(value);
    html += ` ${name}="${escapeHtml(text)}"`;
  }
  return html;
}

/**
 * HTML for the presented tree, escaped exactly as React escapes text and attributes. Only elements and text come
 * out: comments and anything else the tree could hold are dropped, and the one `raw` node is Cairn's own icon
 * (raw HTML from the text became text in rehypeTextOnlyHtml, and rehype-sanitize drops raw nodes regardless).
 */
function toHtml(nodes: readonly (RootContent | ElementContent)[]): string {
  let html = "";
  for (const node of nodes) {
    if (node.type === "text") html += escapeHtml(node.value);
    else if (node.type === "raw" && node.value === IMAGE_ICON) html += IMAGE_ICON;
    else if (node.type === "element") {
      const open = `<${node.tagName}${attributes(node.properties)}`;
      html += VOID_ELEMENTS.has(node.tagName) ? `${open}/>` : `${open}>${toHtml(node.children)}</${node.tagName}>`;
    }
  }
  return html;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeTextOnlyHtml)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypePresent);

function plainText(source: string): string {
  return (
    `<p class="whitespace-pre-wrap">${escapeHtml(source.replace(/\r\n?/g, "\n"))}</p>` +
    `<p class="text-xs text-muted-foreground">${escapeHtml(PLAIN_TEXT_NOTE)}</p>`
  );
}

function render(source: string): string {
  const truncated = source.length > MARKDOWN_MAX_LENGTH;
  const text = truncated ? source.slice(0, MARKDOWN_MAX_LENGTH) : source;
  let html: string;
  if (!checkMarkdownBudget(text).ok) {
    html = plainText(text);
  } else {
    try {
      html = toHtml(processor.runSync(processor.parse(text)).children);
    } catch {
      // The budget keeps the parser's recursion shallow; should a shape it misses still overflow the stack, the
      // reader gets the text rather than an error page.
      html = plainText(text);
    }
  }
  return truncated ? `${html}<p class="text-muted-foreground">${escapeHtml(TRUNCATED_NOTE)}</p>` : html;
}

const cache = new BoundedCache<string>(MARKDOWN_CACHE_MAX_CHARS);

/**
 * Sanitized HTML for Markdown `source`: Markdown when it fits the budget, plain text otherwise, cut at
 * MARKDOWN_MAX_LENGTH. The only HTML the Markdown component puts on a page.
 */
export function renderMarkdownHtml(source: string): string {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const html = render(source);
  cache.set(source, html, source.length + html.length);
  return html;
}
