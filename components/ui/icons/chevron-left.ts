// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ChevronLeft = icon("lucide-chevron-left", [["path", { d: "m15 18-6-6 6-6" }]]);
