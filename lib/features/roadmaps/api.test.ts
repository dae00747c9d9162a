// Roadmap export and import through API v1 (docs/api.md): the admin screens' own functions behind an admin-scoped
// token, and the same 404 for everyone who is not an admin as for an unknown roadmap.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportScreen } from "@/app/(app)/admin/roadmaps/[roadmapId]/export/route";
import { GET as exportApi } from "@/app/api/v1/roadmaps/[id]/export/route";
import { POST as importApi } from "@/app/api/v1/roadmaps/import/route";
import type { ApiScope } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { importRoadmapAction } from "@/lib/features/roadmaps/actions";
import { getRoadmapDocument } from "@/lib/features/roadmaps/data";
import { serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { importRoadmapDocument } from "@/lib/features/roadmaps/mutations";
import type { RoadmapDocument } from "@/lib/features/roadmaps/types";
import { readDefaultRoadmap } from "@/prisma/factories/roadmaps";
import { createApiToken, createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";
import { callApi, exhaustRateLimit, refusedTokens } from "@/test/api";

type User = Awaited<ReturnType<typeof createUser>>;

let admin: User;
let mentor: User;
let document: RoadmapDocument;
let roadmapId: string;

beforeAll(async () => {
  document = await readDefaultRoadmap();
  ({ roadmapId } = await importRoadmapDocument({ ...document, slug: "api-export" }));
  await importRoadmapDocument({ ...document, slug: "api-export", title: "API export, second edition" });
  [admin, mentor] = await Promise.all([createUser({ isAdmin: true, name: "Ada Admin" }), createUser({ name: "Mentor" })]);
});

const tokenOf = async (user: User, scopes: ApiScope[] = ["admin"]) => (await createApiToken(user.id, { scopes })).token;
const exportAs = (token: string | undefined, id: string, query = "") =>
  callApi(exportApi, { token, params: { id }, path: `/api/v1/roadmaps/${id}/export${query}` });
const importAs = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  callApi(importApi, { method: "POST", token, body, headers, path: "/api/v1/roadmaps/import" });
const markdownOf = (slug: string) => serializeRoadmapMarkdown({ ...document, slug });
const versionsOf = (slug: string) => db.roadmapVersion.count({ where: { roadmap: { slug } } });

describe("GET /api/v1/roadmaps/{id}/export", () => {
  it("answers with the admin screen's file, Markdown by default or JSON, by id or slug, any version", async () => {
    const token = await tokenOf(admin);
    for (const query of ["", "?format=json", "?format=md&version=1", "?version=2&friction=1"]) {
      const screen = await asUser(admin, () =>
        exportScreen(new Request(`http://cairn.test/admin/roadmaps/${roadmapId}/export${query}`), { params: Promise.resolve({ roadmapId }) }),
      );
      const answer = await exportAs(token, roadmapId, query);
      expect(answer.status, query).toBe(200);
      expect(answer.headers.get("content-type"), query).toBe(screen.headers.get("content-type"));
      expect(answer.headers.get("content-disposition"), query).toBe(screen.headers.get("content-disposition"));
      expect(answer.text, query).toBe(await screen.text());
    }
    const latest = await exportAs(token, "api-export", "?format=json");
    expect(latest.headers.get("content-disposition")).toBe('attachment; filename="api-export-v2.json"');
    expect(latest.body).toMatchObject({ roadmap: { title: "API export, second edition", slug: "api-export" } });
  });

  it("answers 404 to anyone but an admin whatever the token's scopes, and for unknown roadmaps or versions; 422 for a bad query", async () => {
    expect((await exportAs(await tokenOf(mentor, ["read", "submit", "review", "admin"]), roadmapId)).status).toBe(404);
    const token = await tokenOf(admin);
    expect((await exportAs(token, "0195f3a4-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await exportAs(token, roadmapId, "?version=9")).status).toBe(404);
    const bad = await exportAs(token, roadmapId, "?format=pdf");
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body as { errors: object }).errors)).toEqual(["format"]);
    const jsonWithNotes = await exportAs(token, roadmapId, "?format=json&friction=1");
    expect(jsonWithNotes.status).toBe(422);
    expect(Object.keys((jsonWithNotes.body as { errors: object }).errors)).toEqual(["friction"]);
  });
});

describe("POST /api/v1/roadmaps/import", () => {
  it("imports a file as a draft version with an audit row, and a repeat is refused while that draft is open", async () => {
    const token = await tokenOf(admin);
    const answer = await importAs(token, { format: "md", content: markdownOf("api-import") });
    expect(answer.status).toBe(201);
    const version = await db.roadmapVersion.findFirstOrThrow({ where: { roadmap: { slug: "api-import" } }, select: { id: true, roadmapId: true, status: true } });
    expect(answer.body).toEqual({ roadmapId: version.roadmapId, number: 1, status: "draft", href: `/admin/roadmaps/${version.roadmapId}/versions/1` });
    expect(version.status).toBe("draft");
    expect(await db.auditEvent.findFirst({ where: { action: "roadmap.import", targetId: version.id } })).toMatchObject({ actorId: admin.id });

    const again = await importAs(token, { format: "md", content: markdownOf("api-import") });
    expect(again.status).toBe(409);
    expect((again.body as { detail: string }).detail).toBe("Version 1 is still a draft — publish or discard it before importing.");
    expect(await versionsOf("api-import")).toBe(1);
  });

  it("writes what the import screen writes for the same file", async () => {
    const text = serializeRoadmapJson({ ...document, slug: "same-file" });
    const screen = await asUser(admin, () => importRoadmapAction({ format: "json", text }));
    expect(screen).toMatchObject({ ok: true, data: { status: "imported", number: 1 } });
    await db.roadmapVersion.deleteMany({ where: { roadmap: { slug: "same-file" }, status: "draft" } });
    const viaScreen = await db.auditEvent.findFirstOrThrow({ where: { action: "roadmap.import", after: { path: ["slug"], equals: "same-file" } }, select: { after: true } });

    const answer = await importAs(await tokenOf(admin), { format: "json", content: text });
    expect(answer.status).toBe(201);
    const version = await db.roadmapVersion.findFirstOrThrow({ where: { roadmap: { slug: "same-file" }, status: "draft" }, select: { id: true } });
    expect(await getRoadmapDocument(version.id)).toEqual({ ...document, slug: "same-file" });
    const viaApi = await db.auditEvent.findFirstOrThrow({ where: { action: "roadmap.import", targetId: version.id }, select: { after: true } });
    expect({ ...(viaApi.after as object), number: 1 }).toEqual(viaScreen.after);
  });

  it("answers 422 with the parser's messages by line or JSON path, the very problems the import screen lists", async () => {
    const broken = markdownOf("api-broken").replace(/^## Phase 1: .*$/m, "## Phase 1: {#}");
    const token = await tokenOf(admin);
    const answer = await importAs(token, { format: "md", content: broken });
    expect(answer.status).toBe(422);
    const screen = await asUser(admin, () => importRoadmapAction({ format: "markdown", text: broken }));
    if (!screen.ok || screen.data.status !== "invalid") throw new Error("expected the screen to list problems");
    const expected: Record<string, string[]> = {};
    for (const problem of screen.data.problems) (expected[problem.where] ??= []).push(problem.message);
    expect(answer.body).toMatchObject({ type: "urn:cairn:problem:invalid-input", errors: expected });
    expect(Object.keys(expected)[0]).toMatch(/^Line \d+$/);

    const json = await importAs(token, { format: "json", content: serializeRoadmapJson({ ...document, slug: "Not A Slug" }) });
    expect(json.status).toBe(422);
    expect(Object.keys((json.body as { errors: object }).errors)).toEqual([expect.stringMatching(/slug$/)]);

    for (const body of [{ format: "markdown", content: "# x" }, { format: "md" }, { format: "md", content: markdownOf("api-draft-flag"), draft: false }]) {
      expect((await importAs(token, body)).status, JSON.stringify(body).slice(0, 60)).toBe(422);
    }
    expect(await versionsOf("api-broken")).toBe(0);
    expect(await versionsOf("api-draft-flag")).toBe(0);
  });

  it("answers 404 to anyone but an admin, before reading the body, whatever the token's scopes", async () => {
    const token = await tokenOf(mentor, ["read", "submit", "review", "admin"]);
    expect((await importAs(token, { format: "md", content: markdownOf("api-not-admin") })).status).toBe(404);
    expect((await importAs(token, "not json", { "content-type": "text/plain" })).status).toBe(404);
    expect((await importAs(token, { format: "md" })).status).toBe(404);
    expect(await versionsOf("api-not-admin")).toBe(0);
  });
});

describe("who the roadmap endpoints answer", () => {
  const endpoints = [
    { name: "GET /api/v1/roadmaps/{id}/export", call: (token?: string) => exportAs(token, "api-export") },
    { name: "POST /api/v1/roadmaps/import", call: (token?: string) => importAs(token, { format: "md", content: markdownOf("api-refused") }) },
  ];

  it("answers 401 for no, malformed, unknown, expired or revoked tokens, 403 without the admin scope, 429 past the limit", async () => {
    const refused = await refusedTokens(admin.id);
    for (const endpoint of endpoints) {
      for (const [why, token] of [["none", undefined], ...Object.entries(refused)] as const) {
        expect((await endpoint.call(token)).status, `${endpoint.name}: ${why}`).toBe(401);
      }
      const lacking = await endpoint.call(await tokenOf(admin, ["read", "submit", "review"]));
      expect(lacking.status, endpoint.name).toBe(403);
      expect((lacking.body as { detail: string }).detail).toContain('"admin"');
      const { token, row } = await createApiToken(admin.id, { scopes: ["admin"] });
      await exhaustRateLimit(row.id);
      const limited = await endpoint.call(token);
      expect(limited.status, endpoint.name).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(await versionsOf("api-refused")).toBe(0);
  });
});
