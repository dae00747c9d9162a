import { cn } from "@/lib/cn";

/**
 * Icons that repeat on every row of a long page (status badges, row meta), drawn by CSS from
 * `components/ui/glyphs.css`: one element each, where a lucide icon is an `<svg>` with one to eight shapes inside,
 * rendered on the server, serialized into the page's payload and hydrated in the browser (decision 038).
 * The shapes are lucide's, written into the stylesheet by `npm run glyphs`.
 */
export const GLYPH_NAMES = [
  "alarm-clock",
  "calendar-clock",
  "chevron-right",
  "circle-check",
  "circle-dashed",
  "circle-dot",
  "circle-x",
  "clock",
  "file-check-2",
  "gauge",
  "lock",
  "rotate-ccw",
  "shield-check",
  "trending-down",
  "triangle-alert",
  "user-check",
] as const;

export type GlyphName = (typeof GLYPH_NAMES)[number];

/** Decorative: always hidden from screen readers; the text beside it says what it means. Sized by `className`. */
export function Glyph({ name, className }: { name: GlyphName; className?: string }) {
  return <span aria-hidden data-glyph={name} className={cn("glyph", className)} />;
}
