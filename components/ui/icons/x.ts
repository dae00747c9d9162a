// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const X = icon("lucide-x", [["path", { d: "M18 6 6 18" }], ["path", { d: "m6 6 12 12" }]]);
