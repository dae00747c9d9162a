// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const ArrowLeft = icon("lucide-arrow-left", [["path", { d: "m12 19-7-7 7-7" }], ["path", { d: "M19 12H5" }]]);
