// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ArrowRight = icon("lucide-arrow-right", [["path", { d: "M5 12h14" }], ["path", { d: "m12 5 7 7-7 7" }]]);
