// Where a server's CPU time went, from a V8 CPU profile (`node --cpu-prof`): each sample is charged to the first
// frame on its stack, leaf first, whose original source (through the build's source maps) says what the work was.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** What the server was doing, in the order a sample is tested: the first match walking from leaf to root wins. */
export const CATEGORIES: [string, RegExp][] = [
  ["Garbage collection", /\(garbage collector\)/],
  ["React: render to HTML (with client components)", /react-dom-server|react-dom\/cjs\/react-dom-server|lucide|@radix-ui|radix-ui/],
  ["React: RSC payload (serialize, decode, inline)", /react-server-dom-[a-z]+-(server|client)|htmlescape|stream-ops|buffered-transform|stream-utils|use-flight-response/],
  ["Markdown", /micromark|mdast|hast-util|unified|remark|rehype|unist|vfile|property-information|character-entities/],
  ["Database (Prisma and pg)", /@prisma|client-engine-runtime|query-compiler|src\/runtime\/core|node_modules\/pg\/|node_modules\/pg-/],
  ["Session token", /jose|next-auth|node:internal\/crypto|hkdf/],
  ["gzip", /node:zlib|zlib/],
  ["Next.js request handling", /next\/dist|node_modules\/next\/src|webpack:\/\/next/],
  ["Cairn's own code", /^(?!.*node_modules).*(\/(lib|components|app|scripts)\/|proxy\.ts)/],
  ["Other libraries", /node_modules/],
  ["Node.js HTTP and streams", /node:(internal\/)?(streams?|_http|http|net|stream_base)|(^|\s)(writev|writeUtf8String|writeLatin1String|writeBuffer)$/],
];
const IDLE = /^\((idle|program)\)$/;
const IO = "Node.js HTTP and streams";
const CALLERS_OF_IO = new Set(["Database (Prisma and pg)", "Session token"]);

/** Finds original sources through `<file>.map` beside each built file; unmapped frames keep their own URL. */
export function sourceResolver() {
  const maps = new Map<string, SourceMap | null>();
  const cache = new Map<string, string>();
  return (frame: CallFrame): string => {
    if (!frame.url) return frame.functionName;
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    let map = maps.get(frame.url);
    if (map === undefined) {
      map = null;
      if (frame.url.startsWith("file://")) {
        const file = `${fileURLToPath(frame.url)}.map`;
        if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
      }
      maps.set(frame.url, map);
    }
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
    const source = `${entry && "originalSource" in entry ? entry.originalSource : frame.url} ${frame.functionName}`;
    cache.set(key, source);
    return source;
  };
}

/**
 * Busy milliseconds per category for the samples between `fromMs` and `toMs` after the profile started (idle time
 * and V8's own "(program)" left out), and the busy total.
 */
export function breakdown(
  profile: CpuProfile,
  { fromMs = 0, toMs = Infinity, resolve = sourceResolver() }: { fromMs?: number; toMs?: number; resolve?: (frame: CallFrame) => string } = {},
): { busyMs: number; byCategory: Record<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const categoryOf = new Map<number, string | null>();
  function categorize(id: number): string | null {
    const known = categoryOf.get(id);
    if (known !== undefined) return known;
    const frame = nodes.get(id)!.callFrame;
    let category: string | null = null;
    if (IDLE.test(frame.functionName)) category = null;
    else {
      const source = resolve(frame);
      category = CATEGORIES.find(([, pattern]) => pattern.test(source))?.[0] ?? null;
      const parent = parents.get(id);
      const inherited = parent === undefined ? null : categorize(parent);
      // Unattributed frames take their caller's category; so does socket I/O done for the database or the session.
      if (category === null) category = inherited ?? "Other";
      else if (category === IO && inherited !== null && CALLERS_OF_IO.has(inherited)) category = inherited;
    }
    categoryOf.set(id, category);
    return category;
  }
  const byCategory: Record<string, number> = {};
  let busyMs = 0;
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at / 1000 < fromMs || at / 1000 > toMs) return;
    if (IDLE.test(nodes.get(id)!.callFrame.functionName)) return;
    const category = categorize(id) ?? "Other";
    byCategory[category] = (byCategory[category] ?? 0) + delta / 1000;
    busyMs += delta / 1000;
  });
  return { busyMs, byCategory };
}
