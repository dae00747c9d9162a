// GET /api/metrics — Prometheus metrics of every web server process and of the database (docs/operations.md,
// "Metrics"): the METRICS_TOKEN or an admin's API token with the "admin" scope, as a bearer token; no session cookie.
import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { loadMetricsScrape } from "@/lib/features/metrics/loaders";
import { problem } from "@/lib/http/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const scrape = await loadMetricsScrape({
    authorization: request.headers.get("authorization"),
    address: clientAddress(request.headers),
    metricsToken: env().METRICS_TOKEN,
  });
  if (scrape.status !== 200) {
    const headers: Record<string, string> = {};
    if (scrape.challenge) headers["www-authenticate"] = scrape.challenge;
    if (scrape.retryAfterSeconds) headers["retry-after"] = String(scrape.retryAfterSeconds);
    return problem(scrape.status, scrape.detail, { headers });
  }
  return new Response(scrape.text, { headers: { "content-type": scrape.contentType, "cache-control": "no-store" } });
}
