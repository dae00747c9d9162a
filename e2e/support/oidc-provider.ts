// A real OpenID Connect provider (oidc-provider) for the single sign-on journeys, started by playwright.config.ts
// before Cairn. Anyone can sign in with any login and password at its login page; the login is taken as the email
// address, and a login starting with "unverified." stands for an address the provider has not verified.
import Provider from "oidc-provider";
import { E2E_OIDC } from "@/e2e/support/oidc-config";

const issuer = E2E_OIDC.issuer();
const cairn = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: E2E_OIDC.clientId,
      client_secret: E2E_OIDC.clientSecret,
      redirect_uris: [`${cairn}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_context, login) {
    const email = login.toLowerCase();
    return {
      accountId: login,
      async claims() {
        return { sub: `subject-${email}`, email, email_verified: !email.startsWith("unverified."), name: `SSO ${email.split("@")[0]}` };
      },
    };
  },
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-oidc-provider-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  // Cairn is a first-party client: the consent screen is skipped by granting what it asks for.
  async loadExistingGrant(context) {
    const { client, session } = context.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = session.grantIdFor(client.clientId);
    if (grantId) return context.oidc.provider.Grant.find(grantId);
    const grant = new context.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

const server = provider.listen(E2E_OIDC.port(), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
