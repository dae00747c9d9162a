import type { NextConfig } from "next";
import { REQUEST_BODY_LIMIT_BYTES } from "./lib/request-checks";
import { ASSET_CONTENT_SECURITY_POLICY, BASELINE_HEADERS, HSTS_VALUE } from "./lib/security-headers";

const baseline = Object.entries(BASELINE_HEADERS).map(([key, value]) => ({ key, value }));

// What proxy.ts does not see (its matcher leaves them out): built assets and the files Next serves itself.
const ASSET_SOURCES = ["/_next/static/:path*", "/_next/image", "/robots.txt", "/icon.svg"];

const nextConfig: NextConfig = {
  // The Docker image is built from the standalone output; `npm start` serves the regular build with `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  // prom-client stays one copy per process, shared by Next's bundle and Cairn's HTTP server (lib/metrics/registry.ts).
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@prisma/adapter-pg", "prom-client"],
  experimental: {
    // Roadmap import sends the file's text to a server action. The parser's limit is 1 MB of UTF-8 and it explains
    // itself; the request body is that text encoded (quotes and line breaks escaped), so it needs room above 1 MB
    // for the parser's message, rather than a bare 413, to be what people see. proxy.ts answers larger bodies.
    serverActions: { bodySizeLimit: REQUEST_BODY_LIMIT_BYTES },
  },
  async headers() {
    return ASSET_SOURCES.flatMap((source) => [
      { source, headers: [...baseline, { key: "content-security-policy", value: ASSET_CONTENT_SECURITY_POLICY }] },
      {
        source,
        has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "strict-transport-security", value: HSTS_VALUE }],
      },
    ]);
  },
};

export default nextConfig;
