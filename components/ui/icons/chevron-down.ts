// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ChevronDown = icon("lucide-chevron-down", [["path", { d: "m6 9 6 6 6-6" }]]);
