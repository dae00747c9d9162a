import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";

// An operator points Prometheus at /api/metrics of the production server, which runs one process per core: every
// scrape, whichever process answers it, counts the requests all of them answered. Without a token, or with a
// learner's, it is refused. Who may scrape and what the numbers say is proved in lib/features/metrics/loaders.test.ts.
const TOKEN_PREFIX = "cairn_pat_";

async function tokenFor(email: string, scopes: string[]): Promise<string> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, scopes, created_at, updated_at)
       SELECT uuidv7(), id, 'Prometheus', $2, $3, $4::api_scope[], now(), now() FROM users WHERE email = $1`,
      [email, createHash("sha256").update(token).digest("hex"), token.slice(0, TOKEN_PREFIX.length + 4), scopes],
    );
  } finally {
    await client.end();
  }
  return token;
}

function requestsTo(text: string, route: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`cairn_http_requests_total{method="GET",route="${route}",status="2xx"} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

test("an operator scrapes the metrics of every server process with an admin's token", async ({ playwright, baseURL }) => {
  const admin = await tokenFor("admin@example.com", ["read", "admin"]);
  const learner = await tokenFor("learner@example.com", ["read"]);
  // A context per request: a connection of its own, so the cluster hands requests to either process.
  const fresh = () => playwright.request.newContext({ baseURL });
  const scrape = async (token?: string) => {
    const context = await fresh();
    const response = await context.get("/api/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const answer = { status: response.status(), type: response.headers()["content-type"], text: await response.text() };
    await context.dispose();
    return answer;
  };

  expect((await scrape()).status).toBe(401);
  expect((await scrape(learner)).status).toBe(401);

  const before = await scrape(admin);
  expect(before.status).toBe(200);
  expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(before.text).toContain("cairn_process_resident_memory_bytes");
  for (let index = 0; index < 6; index += 1) {
    const context = await fresh();
    expect((await context.get("/api/health")).status()).toBe(200);
    await context.dispose();
  }
  // Every scrape sees all six, whichever process served each of them and whichever answers the scrape.
  for (let index = 0; index < 3; index += 1) {
    expect(requestsTo((await scrape(admin)).text, "/api/health")).toBe(requestsTo(before.text, "/api/health") + 6);
  }
});
