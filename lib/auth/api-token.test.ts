import { describe, expect, it } from "vitest";
import { API_TOKEN_PATTERN, authenticateApiToken, grantableScopes, newApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { createApiToken, createUser } from "@/prisma/factories/users";

const bearer = (token: string) => `Bearer ${token}`;

describe("personal API tokens", () => {
  it("look like cairn_pat_… so secret scanners can find them, and only their hash is stored", async () => {
    const { token, prefix, tokenHash } = newApiToken();
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(prefix).toBe(token.slice(0, 14));
    expect(tokenHash).not.toContain(token.slice(10));
    const user = await createUser();
    const created = await createApiToken(user.id);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.row.id } });
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it("authenticate their person with roles read from the database, and record when and where they were used", async () => {
    const user = await createUser({ isAdmin: true });
    const { token, row } = await createApiToken(user.id, { scopes: ["read", "admin"] });
    const caller = await authenticateApiToken(bearer(token), "203.0.113.9");
    expect(caller).toEqual({
      viewer: { id: user.id, email: user.email, name: user.name, isAdmin: true, timeZone: null, roles: { mentorCohortIds: [], learnerCohortIds: [] } },
      tokenId: row.id,
      scopes: ["read", "admin"],
    });
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAddress).toBe("203.0.113.9");
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("write 'last used' at most once a minute", async () => {
    const user = await createUser();
    const { token, row } = await createApiToken(user.id);
    const start = new Date("2027-03-01T10:00:00Z");
    await authenticateApiToken(bearer(token), "198.51.100.1", start);
    await authenticateApiToken(bearer(token), "198.51.100.2", new Date(start.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAddress).toBe("198.51.100.1");
    await authenticateApiToken(bearer(token), "198.51.100.3", new Date(start.getTime() + 61_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAddress).toBe("198.51.100.3");
  });

  it("tell a missing header from a bad token", async () => {
    expect(await authenticateApiToken(null, undefined)).toBe("missing");
    expect(await authenticateApiToken("Basic dXNlcjpwYXNz", undefined)).toBe("missing");
    expect(await authenticateApiToken(bearer("not-a-token"), undefined)).toBe("invalid");
    expect(await authenticateApiToken(bearer(newApiToken().token), undefined)).toBe("invalid");
  });

  it("stop working once revoked, once expired, or once their person is deactivated", async () => {
    const user = await createUser();
    const revoked = await createApiToken(user.id);
    await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiToken(bearer(revoked.token), undefined)).toBe("invalid");

    const expiring = await createApiToken(user.id, { expiresAt: new Date("2027-03-01T10:00:00Z") });
    expect(await authenticateApiToken(bearer(expiring.token), undefined, new Date("2027-03-01T09:59:59Z"))).not.toBe("invalid");
    expect(await authenticateApiToken(bearer(expiring.token), undefined, new Date("2027-03-01T10:00:00Z"))).toBe("invalid");

    const live = await createApiToken(user.id);
    expect(await authenticateApiToken(bearer(live.token), undefined)).not.toBe("invalid");
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await authenticateApiToken(bearer(live.token), undefined)).toBe("invalid");
  });
});

describe("the scopes a person may grant", () => {
  const none = { mentorCohortIds: [], learnerCohortIds: [] };
  it("never exceed their own rights", () => {
    expect(grantableScopes({ isAdmin: false, roles: none })).toEqual(["read"]);
    expect(grantableScopes({ isAdmin: false, roles: { ...none, learnerCohortIds: ["c1"] } })).toEqual(["read", "submit"]);
    expect(grantableScopes({ isAdmin: false, roles: { ...none, mentorCohortIds: ["c1"] } })).toEqual(["read", "review"]);
    expect(grantableScopes({ isAdmin: true, roles: none })).toEqual(["read", "review", "admin"]);
  });
});
