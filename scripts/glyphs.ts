// `npm run glyphs`: writes components/ui/glyphs.css from lucide's icons for the names in components/ui/glyph.tsx.
import { writeFileSync } from "node:fs";
import { GLYPH_STYLESHEET, glyphStylesheet } from "@/scripts/lib/glyph-stylesheet";

writeFileSync(GLYPH_STYLESHEET, glyphStylesheet());
console.log(`Wrote ${GLYPH_STYLESHEET}.`);
