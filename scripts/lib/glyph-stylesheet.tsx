// Writes lucide's shapes for Cairn's glyphs (components/ui/glyph.tsx) as CSS masks: `npm run glyphs` writes the
// stylesheet, and glyph-stylesheet.test.ts fails when the committed one no longer matches.
import {
  AlarmClock,
  CalendarClock,
  ChevronRight,
  CircleCheck,
  CircleDashed,
  CircleDot,
  CircleX,
  Clock,
  FileCheck2,
  Gauge,
  Lock,
  RotateCcw,
  ShieldCheck,
  TrendingDown,
  TriangleAlert,
  UserCheck,
  type LucideIcon,
} from "lucide-react";
import { renderToStaticMarkup } from "react-dom/server";
import { GLYPH_NAMES, type GlyphName } from "@/components/ui/glyph";

export const GLYPH_STYLESHEET = "components/ui/glyphs.css";

const SHAPES: Record<GlyphName, LucideIcon> = {
  "alarm-clock": AlarmClock,
  "calendar-clock": CalendarClock,
  "chevron-right": ChevronRight,
  "circle-check": CircleCheck,
  "circle-dashed": CircleDashed,
  "circle-dot": CircleDot,
  "circle-x": CircleX,
  clock: Clock,
  "file-check-2": FileCheck2,
  gauge: Gauge,
  lock: Lock,
  "rotate-ccw": RotateCcw,
  "shield-check": ShieldCheck,
  "trending-down": TrendingDown,
  "triangle-alert": TriangleAlert,
  "user-check": UserCheck,
};

/** The icon as a data: URL; the mask only reads its alpha, so lucide's `currentColor` stroke can stay as it is. */
function dataUrl(Icon: LucideIcon): string {
  const svg = renderToStaticMarkup(<Icon />).replace(/ class="[^"]*"/, "").replace(/ aria-hidden="true"/, "");
  return `url("data:image/svg+xml,${svg.replace(/"/g, "'").replace(/[<>#%]/g, encodeURIComponent)}")`;
}

/** In the components layer, so a size utility on the element (`size-3.5`) wins over the 1em default. */
export function glyphStylesheet(): string {
  const rules = GLYPH_NAMES.map((name) => `  [data-glyph="${name}"] {\n    --glyph: ${dataUrl(SHAPES[name])};\n  }`);
  return [
    "/* Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/glyph.tsx says why. */",
    "@layer components {",
    "  .glyph {",
    "    display: inline-block;",
    "    flex-shrink: 0;",
    "    width: 1em;",
    "    height: 1em;",
    "    background-color: currentColor;",
    "    -webkit-mask: var(--glyph) center / contain no-repeat;",
    "    mask: var(--glyph) center / contain no-repeat;",
    "  }",
    "  @media (forced-colors: active) {",
    "    .glyph {",
    "      forced-color-adjust: none;",
    "      background-color: CanvasText;",
    "    }",
    "  }",
    ...rules,
    "}",
    "",
  ].join("\n");
}
