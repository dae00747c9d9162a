// B_static: node:http answering each path with the bytes Cairn answered once (gzipped if Cairn's were), started
// by scripts/bench.ts as its own process: `node --import tsx scripts/lib/bench/static-server.ts <config.json>`.
import { readFileSync } from "node:fs";
import http from "node:http";

export type StaticPage = { path: string; status: number; headers: Record<string, string>; bodyBase64: string };

type Config = { port: number; pages: StaticPage[] };

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Config;
const pages = new Map(
  config.pages.map((page) => {
    const body = Buffer.from(page.bodyBase64, "base64");
    return [page.path, { status: page.status, headers: { ...page.headers, "content-length": String(body.length) }, body }];
  }),
);

const server = http.createServer((request, response) => {
  const page = pages.get(request.url ?? "/");
  if (!page) return void response.writeHead(404).end();
  response.writeHead(page.status, page.headers).end(page.body);
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
