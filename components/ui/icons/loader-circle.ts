// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.
import { icon } from "@/components/ui/icon";

export const LoaderCircle = icon("lucide-loader-circle lucide-loader-2", [["path", { d: "M21 12a9 9 0 1 1-6.219-8.56" }]]);
