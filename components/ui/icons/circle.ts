// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const Circle = icon("lucide-circle", [["circle", { cx: "12", cy: "12", r: "10" }]]);
