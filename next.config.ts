import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Docker image is built from the standalone output; `npm start` serves the regular build with `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@prisma/adapter-pg"],
  experimental: {
    // Roadmap import sends the file's text to a server action. The parser's limit is 1 MB of UTF-8 and it explains
    // itself; the request body is that text encoded (quotes and line breaks escaped), so it needs room above 1 MB
    // for the parser's message, rather than Next's bare 413, to be what people see.
    serverActions: { bodySizeLimit: "1.5mb" },
  },
};

export default nextConfig;
