// The API's frame, through its simplest endpoint (GET /api/v1/me): who gets in, in which order refusals come, and
// the shape of every answer (docs/api.md).
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { newApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { API_RATE_LIMIT, idempotencyKeyOf, readJsonBody } from "@/lib/http/api";
import { z } from "zod";
import { addMember, createCohort } from "@/prisma/factories/cohorts";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { callApi } from "@/test/api";

describe("GET /api/v1/me", () => {
  it("answers with the token's person and their cohorts, as the database has them now", async () => {
    const person = await createUser({ name: "Lena Fischer" });
    const { versionId } = await importDefaultRoadmap();
    const learning = await createCohort({ versionId, name: "Spring 2027" });
    const mentoring = await createCohort({ versionId, name: "Autumn 2026" });
    await addMember(learning.id, person.id, "learner");
    await addMember(mentoring.id, person.id, "mentor");
    const { token } = await createApiToken(person.id, { scopes: ["read"] });

    const answer = await callApi(me, { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.body).toEqual({
      id: person.id,
      email: person.email,
      name: "Lena Fischer",
      isAdmin: false,
      cohorts: [
        { id: learning.id, name: "Spring 2027", role: "learner" },
        { id: mentoring.id, name: "Autumn 2026", role: "mentor" },
      ],
    });

    await db.membership.updateMany({ where: { userId: person.id, cohortId: mentoring.id }, data: { removedAt: new Date() } });
    expect(((await callApi(me, { token })).body as { cohorts: unknown[] }).cohorts).toHaveLength(1);
  });

  it("answers 401 with a problem for no token, a malformed one, an unknown, expired or revoked one, or a deactivated person", async () => {
    const person = await createUser();
    const expired = await createApiToken(person.id, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createApiToken(person.id);
    await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    const other = await createUser();
    const deactivated = await createApiToken(other.id);
    await db.user.update({ where: { id: other.id }, data: { deactivatedAt: new Date() } });

    const none = await callApi(me);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="Cairn"');
    expect(none.body).toMatchObject({ type: "urn:cairn:problem:unauthorized", title: "Unauthorized", status: 401 });
    expect((none.body as { detail: string }).detail).toContain("Settings → API tokens");

    for (const token of ["abc", newApiToken().token, expired.token, revoked.token, deactivated.token]) {
      const answer = await callApi(me, { token });
      expect(answer.status, token).toBe(401);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="Cairn", error="invalid_token"');
    }
  });

  it("answers 403 when the token lacks the scope, whatever the person may do", async () => {
    const admin = await createUser({ isAdmin: true });
    const { token } = await createApiToken(admin.id, { scopes: ["review"] });
    const answer = await callApi(me, { token });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ type: "urn:cairn:problem:forbidden", status: 403 });
    expect((answer.body as { detail: string }).detail).toContain('"read"');
  });

  it("answers 429 with Retry-After once the token's window is used up, and other tokens go on", async () => {
    const person = await createUser();
    const busy = await createApiToken(person.id);
    const calm = await createApiToken(person.id, { name: "laptop" });
    for (let hit = 0; hit < API_RATE_LIMIT.points - 1; hit += 1) await consumeRateLimit(`api:${busy.row.id}`, API_RATE_LIMIT);
    expect((await callApi(me, { token: busy.token })).status).toBe(200);
    const limited = await callApi(me, { token: busy.token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(API_RATE_LIMIT.windowSeconds);
    expect(limited.body).toMatchObject({ type: "urn:cairn:problem:rate-limited", status: 429 });
    expect((await callApi(me, { token: calm.token })).status).toBe(200);
  });

  it("never answers with CORS headers, so other sites' pages cannot read it", async () => {
    const person = await createUser();
    const { token } = await createApiToken(person.id);
    const answer = await callApi(me, { token, headers: { origin: "https://elsewhere.example" } });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});

describe("reading a request", () => {
  const schema = z.strictObject({ note: z.string().max(5, "At most 5 characters.") });
  const request = (body: string, type = "application/json") => new Request("http://cairn.test/x", { method: "POST", headers: { "content-type": type }, body });

  it("refuses a body that is not JSON, does not parse, or does not fit, each with its own status", async () => {
    await expect(readJsonBody(request("note=hi", "application/x-www-form-urlencoded"), schema)).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(request("{"), schema)).rejects.toMatchObject({ status: 400 });
    await expect(readJsonBody(request(JSON.stringify({ note: "x".repeat(2_000_000) })), schema)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(request(JSON.stringify({ note: "too long" })), schema)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { note: ["At most 5 characters."] },
    });
    expect(await readJsonBody(request(JSON.stringify({ note: "ok" }), "application/json; charset=utf-8"), schema)).toEqual({ note: "ok" });
  });

  it("takes an Idempotency-Key of visible ASCII characters only", () => {
    const withKey = (key: string) => new Request("http://cairn.test/x", { headers: { "idempotency-key": key } });
    expect(idempotencyKeyOf(new Request("http://cairn.test/x"))).toBeUndefined();
    expect(idempotencyKeyOf(withKey("run-1234-attempt-1"))).toBe("run-1234-attempt-1");
    expect(() => idempotencyKeyOf(withKey("x".repeat(256)))).toThrow();
    expect(() => idempotencyKeyOf(withKey("two words"))).toThrow();
  });
});
