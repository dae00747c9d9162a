import { cn } from "@/lib/cn";

/**
 * Cairn's mark (four stacked stones on the accent tile, the same drawing as the favicon in app/icon.svg) and its
 * name. Drawn on the server; the name stays real text so it reads, translates and zooms like the rest of the page.
 */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" aria-hidden className="size-[1.4em] shrink-0">
        <rect width="32" height="32" rx="7" className="fill-accent" />
        <g fill="#fff">
          <ellipse cx="16" cy="24.5" rx="9" ry="3.5" />
          <ellipse cx="16" cy="17.5" rx="6.5" ry="3" opacity=".9" />
          <ellipse cx="16" cy="11.5" rx="4.5" ry="2.5" opacity=".8" />
          <ellipse cx="16" cy="6.5" rx="2.5" ry="1.8" opacity=".7" />
        </g>
      </svg>
      <span>Cairn</span>
    </span>
  );
}
