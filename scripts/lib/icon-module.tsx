// Writes components/ui/icons/, Cairn's icons as plain `<svg>` markup with lucide's shapes (decision 043), one module
// per icon so that a bundle holds only the icons it draws: `npm run glyphs` writes them, and icon-module.test.tsx
// fails when the committed files no longer match lucide. To use another icon, add lucide's component here and run
// `npm run glyphs`.
import * as lucide from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

export const ICON_DIRECTORY = "components/ui/icons";

/** Every icon Cairn draws, by the name components import it as (lucide-react's name). */
const ICON_NAMES = [
  "Archive", "ArchiveRestore", "ArrowLeft", "ArrowRight", "BadgeCheck", "Bell", "BellOff", "Briefcase",
  "CalendarCheck", "CalendarClock", "CalendarDays", "ChartSpline", "Check", "CheckCheck", "ChevronDown",
  "ChevronLeft", "ChevronRight", "ChevronUp", "Circle", "CircleAlert", "CircleCheck", "CircleDot", "CircleMinus",
  "CirclePlay", "CirclePlus", "Clock", "Container", "Copy", "Download", "ExternalLink", "FilePlus2", "FileUp",
  "Flame", "FlaskConical", "FolderGit2", "Gauge", "GitBranch", "GitCommitHorizontal", "GitPullRequest", "Globe",
  "GripVertical", "Hand", "Inbox", "Info", "KeyRound", "Keyboard", "Link2", "Link2Off", "LoaderCircle",
  "LockKeyhole", "LogOut", "Mail", "Map", "Menu", "MessageSquare", "Monitor", "Moon", "Pencil", "Plus", "RotateCcw",
  "Route", "ScrollText", "Search", "SearchX", "Send", "Settings", "Shield", "ShieldCheck", "ShieldOff", "Smile",
  "Sun", "ThumbsUp", "Trash2", "Upload", "UserCheck", "UserCog", "UserMinus", "UserPlus", "UserRound", "UserSearch",
  "UserX", "Users", "X",
] as const satisfies readonly (keyof typeof lucide)[];

export const LUCIDE_ICONS: Record<string, LucideIcon> = Object.fromEntries(ICON_NAMES.map((name) => [name, lucide[name]]));

const SVG = /^<svg\b[^>]*\bclass="([^"]*)"[^>]*>(.*)<\/svg>$/s;
const SHAPE = /<(\w+)((?:\s[\w:-]+="[^"]*")*)\s*(?:\/>|><\/\1>)/gy;
const ATTRIBUTE = /\s([\w:-]+)="([^"]*)"/g;

/** `stroke-width` → `strokeWidth`: the React name of an SVG attribute. */
function reactName(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `&quot;` → `"`: an attribute's value as it was before React escaped it into markup. */
function unescape(value: string): string {
  return value.replace(/&(quot|amp|lt|gt|#x27);/g, (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'" })[entity]!);
}

/** lucide's classes for the icon and its shapes as source (`["path", { d: "M4 8v11" }]`), read from what it renders. */
function shapesOf(Icon: LucideIcon): { names: string; shapes: string[] } {
  const svg = SVG.exec(renderToStaticMarkup(createElement(Icon)));
  if (!svg) throw new Error(`${Icon.displayName}: lucide did not render one <svg>`);
  const [, classes, inner] = svg;
  const shapes: string[] = [];
  SHAPE.lastIndex = 0;
  for (let match = SHAPE.exec(inner!); match; match = SHAPE.exec(inner!)) {
    const attributes = [...match[2]!.matchAll(ATTRIBUTE)].map(([, name, value]) => `${reactName(name!)}: ${JSON.stringify(unescape(value!))}`);
    shapes.push(`["${match[1]}", { ${attributes.join(", ")} }]`);
  }
  if (SHAPE.lastIndex !== 0 && SHAPE.lastIndex !== inner!.length) throw new Error(`${Icon.displayName}: a shape Cairn cannot copy`);
  if (shapes.length === 0) throw new Error(`${Icon.displayName}: no shapes`);
  return { names: classes!.replace(/^lucide /, ""), shapes };
}

/** `FolderGit2` → `folder-git-2`: the file an icon lives in. */
export function iconFileName(name: string): string {
  return name.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[a-zA-Z])(?=[0-9])/g, "-").toLowerCase();
}

/** Each icon's module, by file name: the icon made from lucide's classes and shapes. */
export function iconModules(): Map<string, string> {
  const modules = new Map<string, string>();
  for (const [name, Icon] of Object.entries(LUCIDE_ICONS)) {
    const { names, shapes } = shapesOf(Icon);
    const source = [
      "// Written by `npm run glyphs` from lucide's icons (ISC licence); components/ui/icon.tsx says why.",
      'import { icon } from "@/components/ui/icon";',
      "",
      `export const ${name} = icon("${names}", [${shapes.join(", ")}]);`,
      "",
    ].join("\n");
    modules.set(`${iconFileName(name)}.ts`, source);
  }
  return modules;
}
