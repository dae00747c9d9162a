import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Docker image is built from the standalone output; `npm start` serves the regular build with `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
