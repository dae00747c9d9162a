// GitHub single sign-on against a local stand-in for GitHub Enterprise's API, reached through GITHUB_URL the way an
// operator configures one: the provider reads /user and /user/emails with the access token, and only a verified
// primary address becomes the identity's email (docs/security.md #45).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configuredSsoProviders, nextAuthSsoProviders } from "@/lib/auth/sso-providers";
import { parseEnv } from "@/lib/env";

let server: Server;
let base: string;
let emails: unknown[] = [];
const seenAuthorization: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAuthorization.push(request.headers.authorization ?? "");
    const body = request.url === "/api/v3/user" ? { id: 583231, login: "octo", name: "Octo Cat" } : request.url === "/api/v3/user/emails" ? emails : null;
    response.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? { message: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function githubProfile() {
  const config = parseEnv({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret", GITHUB_URL: base });
  const provider = nextAuthSsoProviders(config).find((candidate) => candidate.id === "github") as unknown as {
    authorization: { url: string };
    token: string;
    userinfo: { request(context: { tokens: { access_token: string } }): Promise<unknown> };
    profile(profile: unknown): { id: string; email: string | null; identity: unknown };
  };
  expect(provider.authorization.url).toBe(`${base}/login/oauth/authorize`);
  expect(provider.token).toBe(`${base}/login/oauth/access_token`);
  return provider.profile(await provider.userinfo.request({ tokens: { access_token: "gho_token" } }));
}

describe("GitHub (Enterprise) single sign-on", () => {
  it("reads the person and their verified primary email from the configured GitHub's API", async () => {
    emails = [
      { email: "octo@users.noreply.example", primary: false, verified: true },
      { email: "Octo@Example.org", primary: true, verified: true },
    ];
    expect(await githubProfile()).toEqual({
      id: "583231",
      email: "octo@example.org",
      name: "Octo Cat",
      identity: { provider: "github", subject: "583231", email: "octo@example.org", emailVerified: true, name: "Octo Cat" },
    });
    expect(seenAuthorization.at(-1)).toBe("Bearer gho_token");
  });

  it("leaves an unverified primary address unverified, whatever else is verified", async () => {
    emails = [
      { email: "octo@example.org", primary: true, verified: false },
      { email: "other@example.org", primary: false, verified: true },
    ];
    expect((await githubProfile()).identity).toMatchObject({ email: "octo@example.org", emailVerified: false });
  });

  it("lists configured providers without their secrets", () => {
    const config = parseEnv({
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "github-secret",
      OIDC_ISSUER: "https://sso.example.org",
      OIDC_CLIENT_ID: "cairn",
      OIDC_CLIENT_SECRET: "oidc-secret",
      OIDC_NAME: "Example SSO",
    });
    const listed = configuredSsoProviders(config);
    expect(listed.map((provider) => provider.name)).toEqual(["Example SSO", "GitHub"]);
    expect(JSON.stringify(listed)).not.toMatch(/secret/);
  });
});
