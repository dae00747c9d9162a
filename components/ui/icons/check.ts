// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const Check = icon("lucide-check", [["path", { d: "M20 6 9 17l-5-5" }]]);
