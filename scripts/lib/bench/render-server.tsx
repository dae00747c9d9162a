// B_render: node:http + pg + react-dom/server serving the benchmark's pages (render-pages.tsx), started by
// scripts/bench.ts as its own process with the same Node flags as Cairn's server:
//   node --import tsx scripts/lib/bench/render-server.tsx <config.json>
// GET /__rows<path> answers the page's row count (for calibration); POST /__shape sets a page's row shape.
import { readFileSync } from "node:fs";
import http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { renderToString } from "react-dom/server";
import { LOADERS, PageContent, type PageData, type RenderPage } from "@/scripts/lib/bench/render-pages";

type Config = { port: number; databaseUrl: string; pages: RenderPage[] };

const gzip = promisify(zlib.gzip);
const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Config;
const pages = new Map(config.pages.map((page) => [page.path, page]));
// As many connections as Cairn's own pool keeps for the same load (8 concurrent requests).
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function renderDocument(data: PageData, perRow: number, padding: number): string {
  const title = data.title.replace(/[&<>"]/g, (char) => ESCAPES[char]!);
  const body = renderToString(
    <body>
      <PageContent data={data} perRow={perRow} padding={padding} />
    </body>,
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>${body}</html>`;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = request.url ?? "/";
  if (request.method === "POST" && url === "/__shape") {
    const shape = JSON.parse(await readBody(request)) as Pick<RenderPage, "path" | "perRow" | "padding">;
    const page = pages.get(shape.path);
    if (!page) return void response.writeHead(404).end();
    Object.assign(page, { perRow: shape.perRow, padding: shape.padding });
    return void response.writeHead(204).end();
  }
  const counting = url.startsWith("/__rows/");
  const page = pages.get(counting ? url.slice("/__rows".length) : url);
  if (!page) return void response.writeHead(404).end();
  const data = await LOADERS[page.kind](pool, page.params);
  if (counting) return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ rows: data.rows.length }));
  const html = renderDocument(data, page.perRow, page.padding);
  const headers: http.OutgoingHttpHeaders = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" };
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    const body = await gzip(html);
    response.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length, vary: "Accept-Encoding" }).end(body);
  } else {
    response.writeHead(200, { ...headers, "content-length": Buffer.byteLength(html) }).end(html);
  }
}

const server = http.createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    process.stderr.write(`B_render: ${error instanceof Error ? error.stack : String(error)}\n`);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
