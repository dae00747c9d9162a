import "server-only";
import { API_TOKEN_PATTERN, authenticateApiToken } from "@/lib/auth/api-token";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { getDatabaseGauges } from "@/lib/features/metrics/data";
import type { MetricsScrape } from "@/lib/features/metrics/types";
import { isMetricsToken, renderDatabaseGauges } from "@/lib/features/metrics/utils";
import { API_RATE_LIMIT } from "@/lib/http/api";
import { JOB_DEFINITIONS } from "@/lib/features/jobs/jobs";
import { serverMetrics } from "@/lib/metrics/cluster";
import { PROMETHEUS_CONTENT_TYPE } from "@/lib/metrics/registry";

type ScrapeRequest = {
  /** The request's Authorization header. */
  authorization: string | null;
  address: string | undefined;
  /** METRICS_TOKEN; unset, only an admin's API token reads the metrics. */
  metricsToken: string | undefined;
  now?: Date;
};

const MISSING = 'Bearer realm="Cairn metrics"';
const INVALID = 'Bearer realm="Cairn metrics", error="invalid_token"';

/**
 * A scrape of /api/metrics (docs/security.md #51): the metrics token, compared in constant time, or a personal API
 * token of an admin, checked against the database now and holding the "admin" scope. The metrics token costs no
 * statement; an API token costs what every API request does, and its rate limit.
 */
export async function loadMetricsScrape({ authorization, address, metricsToken, now = new Date() }: ScrapeRequest): Promise<MetricsScrape> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token) {
    return { status: 401, challenge: MISSING, detail: "Send the metrics token, or an admin's API token, as Authorization: Bearer <token>." };
  }
  if (!(metricsToken && isMetricsToken(token, metricsToken))) {
    const caller = API_TOKEN_PATTERN.test(token) ? await authenticateApiToken(authorization, address, now) : "invalid";
    if (typeof caller === "string" || !caller.viewer.isAdmin) {
      return { status: 401, challenge: INVALID, detail: "This token may not read the metrics." };
    }
    const limit = await consumeRateLimit(`api:${caller.tokenId}`, API_RATE_LIMIT);
    if (!limit.allowed) {
      return { status: 429, detail: "This token made too many requests. Try again later.", retryAfterSeconds: Math.max(1, limit.retryAfterSeconds) };
    }
    if (!caller.scopes.includes("admin")) {
      return { status: 403, detail: 'This token lacks the "admin" scope. Create a token with it under Settings → API tokens.' };
    }
  }
  const [own, database] = await Promise.all([
    serverMetrics(),
    getDatabaseGauges(now).then((gauges) => renderDatabaseGauges(gauges, JOB_DEFINITIONS.map((definition) => definition.name))),
  ]);
  return { status: 200, contentType: PROMETHEUS_CONTENT_TYPE, text: `${own.trimEnd()}\n\n${database}` };
}
