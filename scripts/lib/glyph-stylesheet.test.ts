import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GLYPH_NAMES } from "@/components/ui/glyph";
import { GLYPH_STYLESHEET, glyphStylesheet } from "@/scripts/lib/glyph-stylesheet";

describe("the glyph stylesheet", () => {
  const committed = readFileSync(GLYPH_STYLESHEET, "utf8");

  it("is the one `npm run glyphs` writes from lucide's current shapes", () => {
    expect(committed, "run `npm run glyphs` and commit components/ui/glyphs.css").toBe(glyphStylesheet());
  });

  it("draws every glyph a component can name, as an SVG with at least one shape", () => {
    for (const name of GLYPH_NAMES) {
      const rule = new RegExp(`\\[data-glyph="${name}"\\] \\{\\n    --glyph: url\\("data:image/svg\\+xml,%3Csvg [^"]*%3E%3C(path|circle|rect|line|polyline)`);
      expect(committed, name).toMatch(rule);
    }
  });
});
