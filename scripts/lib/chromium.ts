// How Cairn's tools start Debian's Chromium on CI and these machines (no GPU, no sandbox as root, nothing that
// reaches the network on its own); the e2e run and `npm run lighthouse` share these flags.
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
