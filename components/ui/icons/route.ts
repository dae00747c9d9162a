// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const Route = icon("lucide-route", [["path", { d: "M9 5h8.5a1 1 0 010 7h-11a1 1 0 000 7H15" }], ["circle", { cx: "18", cy: "19", r: "3" }], ["circle", { cx: "6", cy: "5", r: "3" }]]);
