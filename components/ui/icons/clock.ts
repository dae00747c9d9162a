// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const Clock = icon("lucide-clock", [["circle", { cx: "12", cy: "12", r: "10" }], ["path", { d: "M12 6v6l4 2" }]]);
