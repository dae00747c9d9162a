import { renderMarkdownHtml } from "@/components/markdown-html";
import { cn } from "@/lib/cn";

export type MarkdownProps = {
  /** Markdown source as the user wrote it; anything past MARKDOWN_MAX_LENGTH is not rendered. */
  children: string;
  /** Comments and notes: lines as tall as the text (1.25rem) rather than 1.5rem, so a thread stays dense. */
  compact?: boolean;
  className?: string;
};

/**
 * Markdown written by people, on the page (docs/security.md #17, #34). Server components send only the HTML, so
 * pages that show Markdown ship no Markdown code to the browser.
 */
export function Markdown({ children, compact = false, className }: MarkdownProps) {
  return (
    <div
      className={cn(
        "grid min-w-0 gap-3 text-sm wrap-anywhere",
        !compact && "leading-6",
        "[&_a]:font-medium [&_a]:text-accent [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-accent-hover",
        className,
      )}
      // The one place Cairn sets HTML (docs/security.md #22): renderMarkdownHtml escapes all text and sanitizes
      // everything else before any of it gets here.
      dangerouslySetInnerHTML={{ __html: renderMarkdownHtml(children) }}
    />
  );
}
