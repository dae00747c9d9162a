// `npm run glyphs`: writes components/ui/glyphs.css from lucide's icons for the names in components/ui/glyph.tsx,
// and components/ui/icons/ from the lucide icons listed in scripts/lib/icon-module.tsx.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GLYPH_STYLESHEET, glyphStylesheet } from "@/scripts/lib/glyph-stylesheet";
import { ICON_DIRECTORY, iconModules } from "@/scripts/lib/icon-module";

writeFileSync(GLYPH_STYLESHEET, glyphStylesheet());
console.log(`Wrote ${GLYPH_STYLESHEET}.`);

const modules = iconModules();
mkdirSync(ICON_DIRECTORY, { recursive: true });
for (const file of readdirSync(ICON_DIRECTORY)) if (!modules.has(file)) rmSync(path.join(ICON_DIRECTORY, file));
for (const [file, source] of modules) writeFileSync(path.join(ICON_DIRECTORY, file), source);
console.log(`Wrote ${modules.size} icons to ${ICON_DIRECTORY}/.`);
