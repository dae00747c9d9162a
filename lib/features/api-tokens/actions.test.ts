// Settings → API tokens and Admin → API tokens through their real server actions and loaders, against a real
// PostgreSQL (docs/security.md #44): the secret is answered once and stored only as its sha256, scopes never exceed
// the person's rights as the database has them, the cap holds under simultaneous creates, and a revoked token or a
// deactivated person's token stops working at the next request.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN_PATTERN, authenticateApiToken } from "@/lib/auth/api-token";
import { requireViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/features/api-tokens/actions";
import { LIVE_TOKEN_CAP, TOKEN_MESSAGES } from "@/lib/features/api-tokens/constants";
import { loadAdminApiTokens, loadApiTokenSettings } from "@/lib/features/api-tokens/loaders";
import { deactivateUserAction } from "@/lib/features/users/actions";
import { loadAdminUsersPage } from "@/lib/features/users/loaders";
import { importDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { createWorld } from "@/prisma/factories/world";
import { asUser } from "@/test/as-viewer";

type Person = { id: string; email: string; name: string; isAdmin: boolean };

const NOT_FOUND_PAGE = /NEXT_HTTP_ERROR_FALLBACK;404/;
const DAY_MS = 24 * 60 * 60 * 1000;

let versionId: string;

beforeAll(async () => {
  ({ versionId } = await importDefaultRoadmap());
});

const bearer = (token: string) => `Bearer ${token}`;
const create = (user: Person, input: object) => asUser(user, () => createApiTokenAction(input));
const revoke = (user: Person, tokenId: string) => asUser(user, () => revokeApiTokenAction({ tokenId }));
/** The Settings section's data, for the viewer as the session check reads them (roles included). */
const settingsOf = (user: Person) => asUser(user, async () => loadApiTokenSettings(await requireViewer()));
const viewerOf = (user: Person) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin });
const written = async () => ({ tokens: await db.apiToken.findMany({ orderBy: { id: "asc" } }), audits: await db.auditEvent.count() });

describe("creating a token in Settings", () => {
  it("answers the secret once, stores only its sha256, and the token authenticates its person", async () => {
    const w = await createWorld({ versionId });
    const before = Date.now();
    const created = await create(w.learnerX1, { name: "  CI for my-project  ", expiry: "30", scopes: ["submit", "read", "read"] });
    expect(created).toMatchObject({ ok: true, data: { view: { name: "CI for my-project", scopes: ["read", "submit"], lastUsedAt: null } } });
    if (!created.ok) return;
    const { token, view } = created.data;
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(view.prefix).toBe(token.slice(0, 14));
    expect(Date.parse(view.expiresAt!) - before).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(Date.parse(view.expiresAt!) - before).toBeLessThan(30 * DAY_MS + 60_000);

    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token.slice(14));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.create", targetId: view.id } });
    expect(audit).toMatchObject({ actorId: w.learnerX1.id, targetType: "api_token", after: { name: "CI for my-project", scopes: ["read", "submit"] } });
    expect(JSON.stringify(audit)).not.toContain(token.slice(14));

    // Settings lists it by prefix only; the secret is nowhere in what the page receives.
    const settings = await settingsOf(w.learnerX1);
    expect(settings.tokens).toEqual([view]);
    expect(JSON.stringify(settings)).not.toContain(token);

    const caller = await authenticateApiToken(bearer(token), "203.0.113.7");
    expect(caller).toMatchObject({ viewer: { id: w.learnerX1.id }, tokenId: view.id, scopes: ["read", "submit"] });
  });

  it("offers and accepts only the scopes the person holds, and a token without expiry never expires", async () => {
    const w = await createWorld({ versionId });
    expect((await settingsOf(w.learnerX1)).grantable).toEqual(["read", "submit"]);
    expect((await settingsOf(w.mentorX)).grantable).toEqual(["read", "review"]);
    expect((await settingsOf(w.admin)).grantable).toEqual(["read", "review", "admin"]);
    const forever = await create(w.admin, { name: "Backups", expiry: "never", scopes: ["read", "admin"] });
    expect(forever).toMatchObject({ ok: true, data: { view: { expiresAt: null, scopes: ["read", "admin"] } } });
  });

  it("refuses scopes beyond the person's rights, checked against the database, and writes nothing", async () => {
    const w = await createWorld({ versionId, extra: { formerLearner: { in: "x", as: "learner", removedAt: new Date("2026-01-05T00:00:00Z") } } });
    const before = await written();
    const refusals = [
      await create(w.learnerX1, { name: "Reviewer", expiry: "90", scopes: ["read", "review"] }),
      await create(w.learnerX1, { name: "Root", expiry: "90", scopes: ["admin"] }),
      await create(w.mentorX, { name: "Submitter", expiry: "90", scopes: ["submit"] }),
      // Removed from the cohort: no longer a learner anywhere, so no longer able to submit.
      await create(w.formerLearner, { name: "Old CI", expiry: "90", scopes: ["read", "submit"] }),
    ];
    for (const refusal of refusals) {
      expect(refusal).toEqual({ ok: false, code: "FORBIDDEN", error: TOKEN_MESSAGES.scopeNotAllowed, fieldErrors: { scopes: [TOKEN_MESSAGES.scopeNotAllowed] } });
    }
    expect(await written()).toEqual(before);
  });

  it("asks for a name (at most 100 characters, not already used by a live token), a listed expiry and a scope", async () => {
    const w = await createWorld({ versionId });
    const fieldsOf = async (input: object) => {
      const result = await create(w.learnerX1, input);
      return result.ok ? result : { code: result.code, fields: result.fieldErrors };
    };
    expect(await fieldsOf({ name: "   ", expiry: "90", scopes: ["read"] })).toEqual({ code: "INVALID_INPUT", fields: { name: [TOKEN_MESSAGES.nameRequired] } });
    expect(await fieldsOf({ name: "x".repeat(101), expiry: "90", scopes: ["read"] })).toEqual({ code: "INVALID_INPUT", fields: { name: [TOKEN_MESSAGES.nameLength] } });
    expect(await fieldsOf({ name: "CI", expiry: "14", scopes: ["read"] })).toEqual({ code: "INVALID_INPUT", fields: { expiry: [TOKEN_MESSAGES.expiryInvalid] } });
    expect(await fieldsOf({ name: "CI", expiry: "90", scopes: [] })).toEqual({ code: "INVALID_INPUT", fields: { scopes: [TOKEN_MESSAGES.scopesRequired] } });
    expect(await fieldsOf({ name: "CI", expiry: "90", scopes: ["write"] })).toEqual({ code: "INVALID_INPUT", fields: { "scopes.0": [TOKEN_MESSAGES.scopeInvalid] } });
    expect(await fieldsOf({ name: "CI", expiry: "90", scopes: ["read"], userId: w.learnerX2.id })).toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.apiToken.count({ where: { userId: { in: [w.learnerX1.id, w.learnerX2.id] } } })).toBe(0);

    const first = await create(w.learnerX1, { name: "x".repeat(100), expiry: "7", scopes: ["read"] });
    expect(first.ok).toBe(true);
    expect(await fieldsOf({ name: "X".repeat(100), expiry: "90", scopes: ["read"] })).toEqual({ code: "INVALID_INPUT", fields: { name: [TOKEN_MESSAGES.nameTaken] } });
    // Another person's token of that name, or the person's own revoked or expired one, leaves the name free.
    expect((await create(w.learnerX2, { name: "x".repeat(100), expiry: "90", scopes: ["read"] })).ok).toBe(true);
    if (first.ok) expect(await revoke(w.learnerX1, first.data.view.id)).toEqual({ ok: true, data: undefined });
    await createApiToken(w.learnerX1.id, { name: "Laptop", expiresAt: new Date(Date.now() - DAY_MS) });
    expect((await create(w.learnerX1, { name: "x".repeat(100), expiry: "90", scopes: ["read"] })).ok).toBe(true);
    expect((await create(w.learnerX1, { name: "laptop", expiry: "90", scopes: ["read"] })).ok).toBe(true);
  });

  it("holds the cap of 20 live tokens per person under simultaneous creates", async () => {
    const person = await createUser({ name: "Busy Scripter" });
    // An expired token does not count towards the cap.
    await createApiToken(person.id, { name: "Old", expiresAt: new Date(Date.now() - DAY_MS) });
    const attempts = await Promise.all(
      Array.from({ length: LIVE_TOKEN_CAP + 5 }, (_, index) => create(person, { name: `Job ${index}`, expiry: "30", scopes: ["read"] })),
    );
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(LIVE_TOKEN_CAP);
    const refused = attempts.filter((attempt) => !attempt.ok);
    expect(refused).toHaveLength(5);
    for (const refusal of refused) expect(refusal).toEqual({ ok: false, code: "INVALID_STATE", error: TOKEN_MESSAGES.capReached });
    expect(await db.apiToken.count({ where: { userId: person.id, revokedAt: null } })).toBe(LIVE_TOKEN_CAP + 1);
    expect(await db.auditEvent.count({ where: { action: "api_token.create", actorId: person.id } })).toBe(LIVE_TOKEN_CAP);
    expect((await settingsOf(person)).capReached).toBe(true);
  });

  it("gives two tokens of the same name created at once only one success", async () => {
    const person = await createUser();
    const [one, two] = await Promise.all([
      create(person, { name: "Deploy", expiry: "30", scopes: ["read"] }),
      create(person, { name: "deploy", expiry: "30", scopes: ["read"] }),
    ]);
    expect([one.ok, two.ok].sort()).toEqual([false, true]);
    expect(await db.apiToken.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("revoking a token", () => {
  it("lets a person revoke only their own: someone else's token is not found and nothing is written", async () => {
    const w = await createWorld({ versionId });
    const theirs = await createApiToken(w.learnerX2.id, { name: "X2's CI" });
    const mine = await createApiToken(w.learnerX1.id, { name: "My CI" });
    const before = await written();
    for (const outsider of [w.learnerX1, w.mentorX]) {
      expect(await revoke(outsider, theirs.row.id)).toEqual({ ok: false, code: "NOT_FOUND", error: TOKEN_MESSAGES.notFound });
    }
    expect(await revoke(w.learnerX1, "0195a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await written()).toEqual(before);
    expect(await authenticateApiToken(bearer(theirs.token), undefined)).toMatchObject({ tokenId: theirs.row.id });

    expect(await revoke(w.learnerX1, mine.row.id)).toEqual({ ok: true, data: undefined });
    // From the next request on, the API refuses it; Settings no longer lists it; a second revoke finds nothing.
    expect(await authenticateApiToken(bearer(mine.token), undefined)).toBe("invalid");
    expect((await settingsOf(w.learnerX1)).tokens).toEqual([]);
    expect(await revoke(w.learnerX1, mine.row.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.revoke", targetId: mine.row.id } });
    expect(audit).toMatchObject({ actorId: w.learnerX1.id, before: { revokedAt: null, name: "My CI" }, after: { name: "My CI" } });
  });

  it("lets an admin see every live token on Admin → API tokens and revoke anyone's", async () => {
    const w = await createWorld({ versionId });
    const learners = await createApiToken(w.learnerX1.id, { name: "Learner CI", scopes: ["read", "submit"] });
    const mentors = await createApiToken(w.mentorX.id, { name: "Mentor bot", scopes: ["review"] });
    const revoked = await createApiToken(w.mentorX.id, { name: "Revoked" });
    await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    await createApiToken(w.learnerX2.id, { name: "Expired", expiresAt: new Date(Date.now() - DAY_MS) });

    // Other tests in this file leave tokens of their own people; this world's are the ones looked at.
    const people = new Set([w.learnerX1.id, w.learnerX2.id, w.mentorX.id]);
    const listed = (await asUser(w.admin, () => loadAdminApiTokens(viewerOf(w.admin)))).filter((token) => people.has(token.owner.id));
    expect(listed.map((token) => [token.owner.name, token.name, token.scopes])).toEqual([
      ["Learner X1", "Learner CI", ["read", "submit"]],
      ["Mentor X", "Mentor bot", ["review"]],
    ]);
    expect(JSON.stringify(listed)).not.toContain(learners.token);

    expect(await revoke(w.admin, learners.row.id)).toEqual({ ok: true, data: undefined });
    expect(await authenticateApiToken(bearer(learners.token), undefined)).toBe("invalid");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.revoke", targetId: learners.row.id } })).toMatchObject({ actorId: w.admin.id });
    const after = await asUser(w.admin, () => loadAdminApiTokens(viewerOf(w.admin)));
    expect(after.filter((token) => people.has(token.owner.id)).map((token) => token.id)).toEqual([mentors.row.id]);
  });

  it("shows on Admin → Users how many live tokens each person holds", async () => {
    const w = await createWorld({ versionId, names: { learnerX2: "Tokenless Learner" } });
    await createApiToken(w.learnerX1.id, { name: "One" });
    await createApiToken(w.learnerX1.id, { name: "Two" });
    await createApiToken(w.learnerX1.id, { name: "Expired", expiresAt: new Date(Date.now() - DAY_MS) });
    const revoked = await createApiToken(w.learnerX1.id, { name: "Revoked" });
    await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
    const page = await asUser(w.admin, () => loadAdminUsersPage(viewerOf(w.admin), { q: w.learnerX1.email }));
    expect(page.users.map((user) => [user.name, user.liveApiTokens])).toEqual([["Learner X1", 2]]);
    const tokenless = await asUser(w.admin, () => loadAdminUsersPage(viewerOf(w.admin), { q: w.learnerX2.email }));
    expect(tokenless.users.map((user) => user.liveApiTokens)).toEqual([0]);
  });

  it("answers anyone but an admin with the 404 page on Admin → API tokens", async () => {
    const w = await createWorld({ versionId });
    await createApiToken(w.learnerX1.id);
    for (const person of [w.learnerX1, w.mentorX, w.dual]) {
      await expect(asUser(person, () => loadAdminApiTokens(viewerOf(person)))).rejects.toThrow(NOT_FOUND_PAGE);
    }
  });

  it("stops a deactivated person's tokens at their next request", async () => {
    const w = await createWorld({ versionId });
    const { token, row } = await createApiToken(w.learnerX1.id, { scopes: ["read", "submit"] });
    expect(await authenticateApiToken(bearer(token), undefined)).toMatchObject({ tokenId: row.id });
    expect(await asUser(w.admin, () => deactivateUserAction({ userId: w.learnerX1.id }))).toMatchObject({ ok: true });
    expect(await authenticateApiToken(bearer(token), undefined)).toBe("invalid");
  });
});
