// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const Plus = icon("lucide-plus", [["path", { d: "M5 12h14" }], ["path", { d: "M12 5v14" }]]);
