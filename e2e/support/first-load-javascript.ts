// What a page makes the browser download before it is interactive: the scripts its HTML names, gzipped the way a
// server compresses them. The noModule polyfill chunk is left out: browsers that run modules never fetch it.
import { gzipSync } from "node:zlib";
import type { APIRequestContext } from "@playwright/test";

/** A script's path and its size in bytes once gzipped (level 9). */
export type ScriptSize = { src: string; gzipBytes: number };

export type FirstLoad = { path: string; totalBytes: number; scripts: ScriptSize[] };

const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const SRC = /\bsrc="([^"]+)"/i;
const NO_MODULE = /\bnomodule\b/i;

/** The distinct `src` of every script tag in the HTML that module-capable browsers load, in document order. */
export function moduleScriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const [, attributes] of html.matchAll(SCRIPT_TAG)) {
    const src = attributes!.match(SRC)?.[1];
    if (src && !NO_MODULE.test(attributes!)) sources.add(src.replaceAll("&amp;", "&"));
  }
  return [...sources];
}

/**
 * Loads the page's HTML with the request context's cookies (so as whoever signed in), then fetches and gzips each
 * script it names. Fails when the page or a script does not answer 200, so a redirect never passes as a small page.
 */
export async function measureFirstLoad(request: APIRequestContext, path: string): Promise<FirstLoad> {
  const page = await request.get(path, { maxRedirects: 0 });
  if (page.status() !== 200) throw new Error(`${path} answered ${page.status()}, not 200`);
  const scripts = await Promise.all(
    moduleScriptSources(await page.text()).map(async (src) => {
      const script = await request.get(src);
      if (script.status() !== 200) throw new Error(`${src} (named by ${path}) answered ${script.status()}`);
      return { src, gzipBytes: gzipSync(await script.body(), { level: 9 }).length };
    }),
  );
  return { path, totalBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), scripts };
}

/** "roadmap  148.2 kB" lines, largest scripts under each page, for a failure message or a log. */
export function describeFirstLoads(loads: { name: string; load: FirstLoad }[]): string {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return loads
    .map(({ name, load }) => {
      const biggest = [...load.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 4);
      return [
        `${name.padEnd(24)} ${kB(load.totalBytes).padStart(9)}  ${load.path}`,
        ...biggest.map((script) => `${"".padEnd(26)}${kB(script.gzipBytes).padStart(9)}  ${script.src}`),
      ].join("\n");
    })
    .join("\n");
}
