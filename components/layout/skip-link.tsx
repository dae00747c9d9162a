import { cn } from "@/lib/cn";

/** First focusable element on every page; jumps past the navigation to <main id="main">. */
export function SkipLink({ targetId = "main", label = "Skip to content" }: { targetId?: string; label?: string }) {
  return (
    <a
      href={`#${targetId}`}
      className={cn(
        "sr-only focus-visible:not-sr-only focus-visible:fixed focus-visible:top-2 focus-visible:left-2 focus-visible:z-[60]",
        "focus-visible:rounded-md focus-visible:bg-accent focus-visible:px-3 focus-visible:py-2 focus-visible:shadow-popover",
        "focus-visible:text-sm focus-visible:font-medium focus-visible:text-accent-foreground",
      )}
    >
      {label}
    </a>
  );
}
