// B_next's one page: the same data, queries and elements as B_render (render-pages.tsx), rendered by Next.js as a
// server component — what Next.js itself costs a page of that size, with no session, ORM or client components.
import { readFileSync } from "node:fs";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import pg from "pg";
import { LOADERS, PageContent, type RenderPage } from "@/scripts/lib/bench/render-pages";

type Config = { databaseUrl: string; pages: RenderPage[] };

let baseline: { pool: pg.Pool; pages: Map<string, RenderPage> } | undefined;

/** The pages and their calibrated shapes, from the file scripts/bench.ts names in BENCH_NEXT_CONFIG. */
function loadBaseline() {
  if (!baseline) {
    const config = JSON.parse(readFileSync(process.env.BENCH_NEXT_CONFIG!, "utf8")) as Config;
    // As many connections as B_render's pool and Cairn's.
    baseline = { pool: new pg.Pool({ connectionString: config.databaseUrl, max: 10 }), pages: new Map(config.pages.map((page) => [page.path, page])) };
  }
  return baseline;
}

export default async function Page({ params }: { params: Promise<{ path: string[] }> }) {
  await connection();
  const { pool, pages } = loadBaseline();
  const page = pages.get(`/${(await params).path.join("/")}`);
  if (!page) notFound();
  const data = await LOADERS[page.kind](pool, page.params);
  return <PageContent data={data} perRow={page.perRow} padding={page.padding} />;
}
