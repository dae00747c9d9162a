// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ChevronRight = icon("lucide-chevron-right", [["path", { d: "m9 18 6-6-6-6" }]]);
