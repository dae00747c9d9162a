// The test identity provider's address and Cairn's client at it, shared by playwright.config.ts (which passes them to
// Cairn's server as OIDC_* variables) and e2e/support/oidc-provider.ts.
export const E2E_OIDC = {
  port: () => Number(process.env.E2E_OIDC_PORT ?? 3101),
  issuer: () => `http://127.0.0.1:${E2E_OIDC.port()}`,
  clientId: "cairn-e2e",
  clientSecret: "cairn-e2e-client-secret-not-a-real-one",
  name: "Test IdP",
} as const;
