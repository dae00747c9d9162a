// The test mail server's ports, shared by playwright.config.ts (which gives Cairn SMTP_URL) and the journeys that
// read what Cairn sent (e2e/support/mailbox.ts).
export const E2E_SMTP = {
  port: () => Number(process.env.E2E_SMTP_PORT ?? 3102),
  apiPort: () => Number(process.env.E2E_SMTP_API_PORT ?? 3103),
  url: () => `smtp://127.0.0.1:${E2E_SMTP.port()}`,
  api: () => `http://127.0.0.1:${E2E_SMTP.apiPort()}`,
} as const;
