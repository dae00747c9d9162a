// The API's description and its handlers agree both ways: every handler under app/api/v1 is described in
// /api/v1/openapi.json, every described path and method has a handler that answers, and the document is valid
// OpenAPI 3.1; and the reference page people read is that same document.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { apiReference, openApiDocument } from "@/lib/features/api/utils";

const ROOT = "app/api/v1";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Served without a token, and not part of the API it describes. */
const UNDESCRIBED = new Set(["/api/v1/openapi.json"]);

function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/submissions/[id]/review/route.ts` → `/api/v1/submissions/{id}/review`. */
function apiPath(file: string): string {
  return "/" + path.dirname(file).replace(/^app\//, "").replace(/\[([^\]]+)\]/g, "{$1}");
}

async function handlers() {
  const found: { path: string; method: string; handler: (request: Request, context: unknown) => Promise<Response> }[] = [];
  for (const file of routeFiles(ROOT)) {
    const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = exported[method];
      if (typeof handler === "function") found.push({ path: apiPath(file), method: method.toLowerCase(), handler: handler as never });
    }
  }
  return found;
}

describe("the OpenAPI description of API v1", () => {
  const document = openApiDocument();
  const described = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
    METHODS.map((method) => method.toLowerCase()).filter((method) => method in (item as object)).map((method) => `${method} ${route}`),
  );

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("describes every handler under app/api/v1, and nothing that has no handler", async () => {
    const served = (await handlers()).filter((entry) => !UNDESCRIBED.has(entry.path)).map((entry) => `${entry.method} ${entry.path}`);
    expect(served.length).toBeGreaterThan(0);
    expect([...described].sort()).toEqual([...served].sort());
  });

  it("every described endpoint answers a request without a token with a 401 problem", async () => {
    const all = await handlers();
    for (const entry of described) {
      const [method, route] = entry.split(" ") as [string, string];
      const handler = all.find((candidate) => candidate.method === method && candidate.path === route)!.handler;
      const params = Object.fromEntries([...route.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, "00000000-0000-7000-8000-000000000000"]));
      const response = await handler(new Request(`http://cairn.test${route}`, { method: method.toUpperCase() }), { params: Promise.resolve(params) });
      expect(response.status, entry).toBe(401);
      expect(response.headers.get("content-type"), entry).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate"), entry).toBe('Bearer realm="Cairn"');
    }
  });

  it("is what /api/v1/openapi.json serves", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe("the API reference page", () => {
  const reference = apiReference();

  it("shows every endpoint of the OpenAPI document with its method, path, summary, scope, responses and a curl example", () => {
    const document = openApiDocument();
    const described = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
      METHODS.filter((method) => method.toLowerCase() in (item as object)).map((method) => `${method} ${route}`),
    );
    expect(reference.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(described);
    for (const endpoint of reference) {
      expect(endpoint.summary, endpoint.path).not.toBe("");
      expect(["read", "submit", "review", "admin"], endpoint.path).toContain(endpoint.scope);
      expect(endpoint.description, endpoint.path).not.toContain("Scope:");
      expect(endpoint.responses.map((response) => response.status), endpoint.path).toEqual(expect.arrayContaining(["401", "403", "429"]));
      expect(endpoint.curl, endpoint.path).toContain('-H "Authorization: Bearer $CAIRN_TOKEN"');
      expect(endpoint.curl, endpoint.path).toContain(`"$CAIRN_URL${endpoint.path.replace(/\{(\w+)\}/g, "<$1>")}"`);
      expect(new Set(reference.map((other) => other.anchor)).size).toBe(reference.length);
    }
  });

  it("lists parameters, request body fields and answer fields, nested ones by dotted name", () => {
    const byPath = (method: string, path: string) => reference.find((endpoint) => endpoint.method === method && endpoint.path === path)!;
    const queue = byPath("GET", "/api/v1/reviews");
    expect(queue.parameters.map((parameter) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ["cohortId", "query", false],
      ["limit", "query", false],
      ["cursor", "query", false],
    ]);
    const fields = queue.responses.find((response) => response.status === "200")!.fields.map((field) => field.name);
    expect(fields).toEqual(expect.arrayContaining(["submissions", "submissions[].id", "submissions[].links[].url", "submissions[].cohort.name", "next"]));

    const decide = byPath("POST", "/api/v1/submissions/{id}/review");
    expect(decide.parameters).toMatchObject([{ name: "id", in: "path", required: true }]);
    expect(decide.body).toMatchObject([
      { name: "decision", type: '"approve" | "request_changes"', required: true },
      { name: "comment", type: "string", required: false },
    ]);
    expect(decide.curl).toContain(`-d '{"decision":"request_changes","comment":"Pin the dataset version."}'`);
    expect(byPath("GET", "/api/v1/me").curl).toBe('curl -s -H "Authorization: Bearer $CAIRN_TOKEN" \\\n  "$CAIRN_URL/api/v1/me"');
  });

  it("renders as HTML without a script of its own", async () => {
    const { default: Page } = await import("@/app/api/docs/page");
    const html = renderToStaticMarkup(Page());
    expect(html).not.toContain("<script");
    for (const endpoint of reference) expect(html).toContain(`id="${endpoint.anchor}"`);
    expect(html).toContain('href="/api/v1/openapi.json"');
  });
});
