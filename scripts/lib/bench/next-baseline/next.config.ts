import type { NextConfig } from "next";

// As in Cairn's next.config.ts: pg stays a Node package rather than being bundled.
const config: NextConfig = { poweredByHeader: false, serverExternalPackages: ["pg"] };

export default config;
