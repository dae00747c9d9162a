import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { Env } from "@/lib/env";

/** The single sign-on providers Cairn knows; the id is next-auth's and the one stored in `sso_identities`. */
export type SsoProviderId = "oidc" | "github";

/** What the login page, the invite page and Admin → Sign-in methods show of a configured provider: never a secret. */
export type SsoProvider = { id: SsoProviderId; name: string; detail: string };

/**
 * The person a provider vouches for, as the matching rules (docs/security.md #45) read it: `subject` is the
 * provider's stable id for them, `email` counts only when the provider says it verified it.
 */
export type SsoIdentity = { provider: SsoProviderId; subject: string; email: string | null; emailVerified: boolean; name: string | null };

type ProviderEnv = Pick<
  Env,
  "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_NAME" | "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "GITHUB_URL" | "GITHUB_API_URL"
>;

/** The API of github.com lives on its own host; GitHub Enterprise Server serves it under `/api/v3`. */
function githubApiUrl(config: ProviderEnv): string {
  if (config.GITHUB_API_URL) return config.GITHUB_API_URL;
  return config.GITHUB_URL === "https://github.com" ? "https://api.github.com" : `${config.GITHUB_URL}/api/v3`;
}

/** The providers configured in the environment, in the order their buttons appear. */
export function configuredSsoProviders(config: ProviderEnv): SsoProvider[] {
  const providers: SsoProvider[] = [];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    providers.push({ id: "oidc", name: config.OIDC_NAME, detail: `OpenID Connect, issuer ${config.OIDC_ISSUER}, client ${config.OIDC_CLIENT_ID}` });
  }
  if (config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET) {
    providers.push({ id: "github", name: "GitHub", detail: `OAuth app on ${config.GITHUB_URL}, client ${config.GITHUB_CLIENT_ID}` });
  }
  return providers;
}

type GithubEmail = { email?: unknown; primary?: unknown; verified?: unknown };

/** GitHub's `/user` and `/user/emails` answers as an identity: only the primary address, and only once verified. */
export function githubIdentity(user: { id?: unknown; login?: unknown; name?: unknown }, emails: unknown): SsoIdentity {
  const list: GithubEmail[] = Array.isArray(emails) ? emails : [];
  const primary = list.find((entry) => entry.primary === true && typeof entry.email === "string");
  return {
    provider: "github",
    subject: String(user.id),
    email: typeof primary?.email === "string" ? primary.email.toLowerCase() : null,
    emailVerified: primary?.verified === true,
    name: typeof user.name === "string" && user.name ? user.name : typeof user.login === "string" ? user.login : null,
  };
}

/** An OpenID Connect provider's claims (ID token merged with userinfo) as an identity. */
export function oidcIdentity(claims: Record<string, unknown>): SsoIdentity {
  const name = [claims.name, claims.preferred_username].find((value): value is string => typeof value === "string" && value.trim() !== "");
  return {
    provider: "oidc",
    subject: String(claims.sub),
    email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
    // Some providers send the string "true"; anything but the boolean true is not a verification.
    emailVerified: claims.email_verified === true,
    name: name?.trim() ?? null,
  };
}

/**
 * next-auth's providers for the configured SSO methods. Discovery happens on each sign-in, not at start, so Cairn
 * starts while its identity provider is down and picks up a changed configuration. The profile next-auth hands to
 * the sign-in callback is the identity; Cairn's own account is resolved there (`app/api/auth/[...nextauth]`).
 */
export function nextAuthSsoProviders(config: ProviderEnv): Provider[] {
  const providers: Provider[] = [];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: config.OIDC_NAME,
      type: "oauth",
      wellKnown: `${config.OIDC_ISSUER}/.well-known/openid-configuration`,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state", "nonce"],
      // The ID token is checked (signature, issuer, audience, nonce); many providers keep `email` and
      // `email_verified` for the userinfo endpoint, which openid-client only accepts for the same subject.
      idToken: true,
      userinfo: {
        async request({ tokens, client }) {
          // next-auth hands over openid-client's TokenSet here; its type only names the plain fields.
          const set = tokens as unknown as Parameters<typeof client.userinfo>[0] & { claims(): Record<string, unknown> };
          return { ...set.claims(), ...(await client.userinfo(set)) };
        },
      },
      profile(claims: Record<string, unknown>) {
        const identity = oidcIdentity(claims);
        return { id: identity.subject, email: identity.email, name: identity.name, identity };
      },
    });
  }
  if (config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET) {
    const api = githubApiUrl(config);
    providers.push({
      id: "github",
      name: "GitHub",
      type: "oauth",
      issuer: `${config.GITHUB_URL}/login/oauth`,
      clientId: config.GITHUB_CLIENT_ID,
      clientSecret: config.GITHUB_CLIENT_SECRET,
      authorization: { url: `${config.GITHUB_URL}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${config.GITHUB_URL}/login/oauth/access_token`,
      checks: ["pkce", "state"],
      userinfo: {
        url: `${api}/user`,
        async request({ tokens }) {
          const headers = { authorization: `Bearer ${tokens.access_token}`, accept: "application/vnd.github+json" };
          const [user, emails] = await Promise.all(
            [`${api}/user`, `${api}/user/emails`].map(async (url) => {
              const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
              if (!response.ok) throw new Error(`GitHub answered ${response.status} for ${new URL(url).pathname}`);
              return response.json();
            }),
          );
          const identity = githubIdentity(user, emails);
          return { sub: identity.subject, email: identity.email ?? undefined, name: identity.name ?? undefined, identity };
        },
      },
      profile({ identity }: { identity: SsoIdentity }) {
        return { id: identity.subject, email: identity.email, name: identity.name, identity };
      },
    });
  }
  return providers;
}
