// Markdown written by people (milestone descriptions, notes, comments), rendered on the server (docs/security.md #17).
//
// Raw HTML is never parsed (no rehype-raw): it is shown as the escaped characters someone typed, so `<script>` is
// text and mXSS shapes have no HTML parser to confuse. rehype-sanitize (GitHub's schema) is the last tree step,
// and every link goes through SafeLink, which re-checks the protocol. Images are never loaded: a remote image
// tells its host who read the page and when, so each one becomes a link (or its alt text inside a link).
import { ImageIcon } from "lucide-react";
import type { ComponentProps } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

import { SafeLink } from "@/components/ui/safe-link";
import { cn } from "@/lib/cn";
import { MARKDOWN_MAX_LENGTH } from "@/lib/text-limits";


type HastElement = NonNullable<ExtraProps["node"]>;
type HastChild = HastElement["children"][number];
type HastParent = { children: HastChild[] };

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

function imageText(image: HastElement): string {
  const alt = typeof image.properties.alt === "string" ? image.properties.alt.trim() : "";
  return alt === "" ? "Image" : alt;
}

function rewriteTree(parent: HastParent, insideLink: boolean, isRoot: boolean) {
  parent.children = parent.children.map((child): HastChild => {
    // Without this, rehype-sanitize would drop raw HTML and silently eat "use a <div> here" from a sentence.
    if ((child.type as string) === "raw" && "value" in child) {
      const text: HastChild = { type: "text", value: child.value };
      return isRoot ? { type: "element", tagName: "p", properties: {}, children: [text] } : text;
    }
    if (child.type !== "element") return child;
    if (child.tagName === "img") {
      const text: HastChild = { type: "text", value: imageText(child) };
      // A link inside a link is invalid HTML; the outer link already leads somewhere.
      if (insideLink || typeof child.properties.src !== "string") return text;
      return {
        type: "element",
        tagName: "a",
        properties: { href: child.properties.src, [IMAGE_LINK_PROPERTY]: true },
        children: [text],
      };
    }
    rewriteTree(child, insideLink || child.tagName === "a", false);
    return child;
  });
}

/** Raw HTML becomes text and images become links, before sanitizing. */
function rehypeTextOnlyHtml() {
  return (tree: HastParent) => rewriteTree(tree, false, true);
}

// Same-page anchors (GFM footnotes) are the one kind of link that needs no new tab and no protocol.
const FRAGMENT = /^#[\w-]+$/;

function MarkdownLink({ node, href, children, ...props }: ComponentProps<"a"> & ExtraProps) {
  if (typeof href === "string" && FRAGMENT.test(href)) {
    return (
      <a {...props} href={href}>
        {children}
      </a>
    );
  }
  if (node?.properties[IMAGE_LINK_PROPERTY]) {
    return (
      <SafeLink href={href}>
        <ImageIcon aria-hidden className="me-1 inline size-3.5 align-[-0.125em]" />
        <span className="sr-only">Image: </span>
        {children}
      </SafeLink>
    );
  }
  return <SafeLink href={href}>{children}</SafeLink>;
}

const headingStyles = {
  h3: "mt-2 text-base leading-6 font-semibold",
  h4: "mt-2 text-sm leading-6 font-semibold",
  h5: "mt-1 text-sm leading-6 font-semibold",
  h6: "mt-1 text-sm leading-6 font-semibold text-muted-foreground",
} as const;

// A user's `# Title` must never compete with the page's own h1/h2, so every level moves down by two.
function demotedHeading(Tag: keyof typeof headingStyles) {
  return function DemotedHeading({ node: _node, className, ...props }: ComponentProps<"h1"> & ExtraProps) {
    return <Tag className={cn(headingStyles[Tag], className)} {...props} />;
  };
}

const components: Components = {
  a: MarkdownLink,
  h1: demotedHeading("h3"),
  h2: demotedHeading("h4"),
  h3: demotedHeading("h5"),
  h4: demotedHeading("h6"),
  h5: demotedHeading("h6"),
  h6: demotedHeading("h6"),
  img: ({ alt }) => <span>{alt || "Image"}</span>,
  ul: ({ node: _node, className, ...props }) => (
    <ul
      className={cn(
        "grid list-outside list-disc gap-1 ps-5",
        className === "contains-task-list" && "list-none ps-0",
        className,
      )}
      {...props}
    />
  ),
  ol: ({ node: _node, className, ...props }) => (
    <ol
      className={cn(
        "grid list-outside list-decimal gap-1 ps-5",
        className === "contains-task-list" && "list-none ps-0",
        className,
      )}
      {...props}
    />
  ),
  li: ({ node: _node, className, ...props }) => (
    <li className={cn("ps-1 [&>ol]:mt-1 [&>p+*]:mt-2 [&>ul]:mt-1", className)} {...props} />
  ),
  input: ({ node: _node, className, ...props }) => (
    <input className={cn("me-1.5 size-3.5 align-[-0.125em] accent-accent", className)} {...props} />
  ),
  blockquote: ({ node: _node, className, ...props }) => (
    <blockquote
      className={cn("grid gap-2 border-s-2 border-border-strong ps-3 text-muted-foreground", className)}
      {...props}
    />
  ),
  code: ({ node: _node, className, ...props }) => (
    <code
      className={cn("rounded-sm bg-surface-muted px-1 py-0.5 font-mono text-[0.8125em]", className)}
      {...props}
    />
  ),
  pre: ({ node: _node, className, ...props }) => (
    <pre
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-lg border border-border bg-surface-muted p-3 font-mono text-[0.8125rem] leading-5",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        "wrap-normal [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[length:inherit]",
        className,
      )}
      {...props}
    />
  ),
  table: ({ node: _node, className, ...props }) => (
    <div
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-lg border border-border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <table className={cn("w-full border-collapse text-left text-[0.8125rem] leading-5 wrap-normal", className)} {...props} />
    </div>
  ),
  th: ({ node: _node, className, ...props }) => (
    <th
      className={cn("border-b border-border bg-surface-muted px-3 py-1.5 font-semibold [&+*]:border-s", className)}
      {...props}
    />
  ),
  td: ({ node: _node, className, ...props }) => (
    <td className={cn("border-t border-border px-3 py-1.5 align-top [&+*]:border-s", className)} {...props} />
  ),
  hr: ({ node: _node, className, ...props }) => <hr className={cn("border-border", className)} {...props} />,
};

export type MarkdownProps = {
  /** Markdown source as the user wrote it; anything past MARKDOWN_MAX_LENGTH is not rendered. */
  children: string;
  className?: string;
};

export function Markdown({ children, className }: MarkdownProps) {
  const truncated = children.length > MARKDOWN_MAX_LENGTH;
  return (
    <div
      className={cn(
        "grid min-w-0 gap-3 text-sm leading-6 wrap-anywhere",
        "[&_a]:font-medium [&_a]:text-accent [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-accent-hover",
        className,
      )}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeTextOnlyHtml, [rehypeSanitize, sanitizeSchema]]}
        components={components}
      >
        {truncated ? children.slice(0, MARKDOWN_MAX_LENGTH) : children}
      </ReactMarkdown>
      {truncated ? <p className="text-muted-foreground">The rest of this text is too long to show.</p> : null}
    </div>
  );
}
