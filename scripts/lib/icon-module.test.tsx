import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { IconProps } from "@/components/ui/icon";
import { ICON_DIRECTORY, LUCIDE_ICONS, iconFileName, iconModules } from "@/scripts/lib/icon-module";

describe("Cairn's icons", () => {
  const written = iconModules();

  it("are the modules `npm run glyphs` writes from lucide's current shapes, and no others", () => {
    const hint = "run `npm run glyphs` and commit components/ui/icons/";
    expect(readdirSync(ICON_DIRECTORY).sort(), hint).toEqual([...written.keys()].sort());
    for (const [file, source] of written) expect(readFileSync(path.join(ICON_DIRECTORY, file), "utf8"), `${file}: ${hint}`).toBe(source);
  });

  it("render exactly the markup lucide-react renders, hidden from screen readers unless labelled", async () => {
    const cases: IconProps[] = [{}, { "aria-hidden": true, className: "size-4 shrink-0" }, { "aria-label": "Copied", role: "img" }];
    for (const [name, Lucide] of Object.entries(LUCIDE_ICONS)) {
      const icons: Record<string, ComponentType<IconProps>> = await import(`@/components/ui/icons/${iconFileName(name)}`);
      const Icon = icons[name]!;
      for (const props of cases) {
        expect(renderToStaticMarkup(createElement(Icon, props)), name).toBe(renderToStaticMarkup(createElement(Lucide, props)));
      }
    }
  });

  it("draw a labelled icon for screen readers and hide a decorative one", async () => {
    const { Bell } = await import("@/components/ui/icons/bell");
    expect(renderToStaticMarkup(createElement(Bell))).toContain('aria-hidden="true"');
    expect(renderToStaticMarkup(createElement(Bell, { "aria-label": "Notifications" }))).not.toContain("aria-hidden");
  });
});
