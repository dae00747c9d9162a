// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ChevronUp = icon("lucide-chevron-up", [["path", { d: "m18 15-6-6-6 6" }]]);
