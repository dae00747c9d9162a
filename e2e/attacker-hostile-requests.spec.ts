import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "@/e2e/support/fixtures";

// Someone probes a running Cairn against the production build (docs/security.md #19, #20, #21, #39, #40).
// Every page and route handler is found in app/, so a new one is swept without touching this file; its dynamic
// segments are filled with hostile values (one segment at a time, the others real) and its query string with
// hostile filters, signed out, as an admin and as a learner. Nothing answers 5xx, every refusal says something a
// person can read, and every response — redirects, 404s, prefetches, static files — carries the security headers.

const HOSTILE_SEGMENTS = [
  "%00",
  "%E0%A4%A",
  "%",
  "%zz",
  "%C0%AF",
  "a%0Ab",
  "%E2%80%AEevil",
  "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  "------------------------------------",
  "00000000-0000-0000-0000-000000000000",
  "99999999999999999999",
  "-1",
  "0.5",
  "1e309",
  "0000-01-01",
  "__proto__",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(4000),
];
// Twenty parameters of 500 characters stay under Node's 16 KB limit for a request head, which Node answers itself.
const HOSTILE_QUERY_VALUES = ["%00", "%zz", "-1", "0.5", "99999999999999999999", "0000-01-01", "275760-09-13", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "%E2%80%AE", "x".repeat(500)];
/** Every search parameter a Cairn page or handler reads. */
const QUERY_NAMES = ["cohort", "q", "learner", "phase", "sort", "risk", "page", "before", "after", "actor", "type", "from", "to", "role", "status", "item", "version", "format", "callbackUrl", "reset"];

type Route = { file: string; segments: string[]; servesGet: boolean };

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * app/(app)/cohorts/[cohortId]/page.tsx → ["cohorts", "[cohortId]"]; route groups leave no segment. A handler that
 * serves no GET (an API write) is answered by Next.js itself with a bodiless 405 before any of Cairn's code runs,
 * so the GET sweeps below leave it out.
 */
const ROUTES: Route[] = walk("app")
  .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
  .map((file) => ({
    file,
    segments: path
      .dirname(file)
      .split(path.sep)
      .slice(1)
      .filter((segment) => !/^\(.*\)$/.test(segment)),
    servesGet: file.endsWith("page.tsx") || /export\s+(?:const|async\s+function|function)\s+GET\b|export\s*\{[^}]*\bGET\b/.test(readFileSync(file, "utf8")),
  }));
const GET_ROUTES = ROUTES.filter((route) => route.servesGet);

const dynamicName = (segment: string) => /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];

function urlFor(route: Route, fill: (name: string, index: number) => string): string {
  return `/${route.segments.map((segment, index) => {
    const name = dynamicName(segment);
    return name ? fill(name, index) : segment;
  }).join("/")}`;
}

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { email, password: DEMO_PASSWORD, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `signing in ${email}`).toBeLessThan(400);
  expect((await context.storageState()).cookies.some((cookie) => cookie.name.includes("session-token")), `session for ${email}`).toBe(true);
  return context;
}

/** Real values for each dynamic segment name, read from the pages an admin and a learner see. */
async function realValues(admin: APIRequestContext, learner: APIRequestContext): Promise<Record<string, string>> {
  const links = async (context: APIRequestContext, url: string) => (await (await context.get(url)).text()).match(/href="[^"]+"/g) ?? [];
  const first = (hrefs: string[], pattern: RegExp) => hrefs.map((href) => pattern.exec(href)?.[1]).find(Boolean);
  const cohortLinks = await links(admin, "/admin/cohorts");
  const cohortId = first(cohortLinks, /href="\/cohorts\/([0-9a-f-]{36})[/"]/);
  const roadmapId = first(await links(admin, "/admin/roadmaps"), /href="\/admin\/roadmaps\/([0-9a-f-]{36})"/);
  const membershipId = cohortId ? first(await links(admin, `/cohorts/${cohortId}`), /\/learners\/([0-9a-f-]{36})"/) : undefined;
  const submissionId = first(await links(admin, "/reviews"), /href="\/reviews\/([0-9a-f-]{36})/);
  const key = first(await links(learner, "/roadmap"), /href="\/roadmap\/([a-z0-9-]+)/);
  const values: Record<string, string | undefined> = { cohortId, roadmapId, membershipId, submissionId, key, number: "1", handle: "amara" };
  for (const [name, value] of Object.entries(values)) expect(value, `a real ${name} from the demo data`).toBeTruthy();
  return values as Record<string, string>;
}

const STACK = /\bat [\w.<>]+ \(?[^)\s]+:\d+:\d+\)?/;
/** What Cairn's refusal pages say; a 404 thrown while streaming carries it in the page's payload, not its markup. */
const FRIENDLY_PAGE = /Page not found|This address is not valid/;

/** What every response must carry (docs/security.md #19, #40); each missing header is one line of the answer. */
function headerProblems(response: { headers(): Record<string, string> }, what: string): string[] {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const problems = [
    headers["x-content-type-options"] === "nosniff" ? null : "no nosniff",
    headers["referrer-policy"] ? null : "no Referrer-Policy",
    headers["x-frame-options"] === "DENY" ? null : "no X-Frame-Options",
    csp.includes("frame-ancestors 'none'") ? null : "no CSP frame-ancestors",
    headers["x-powered-by"] === undefined ? null : "an X-Powered-By",
  ];
  if ((headers["content-type"] ?? "").startsWith("text/html")) {
    problems.push(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/.test(csp) ? null : "HTML without a CSP nonce",
      csp.includes("object-src 'none'") && csp.includes("base-uri 'none'") ? null : "HTML without object-src/base-uri 'none'",
    );
  }
  return problems.filter((problem): problem is string => problem !== null).map((problem) => `${what}: ${problem}`);
}

/** No 5xx; a refusal a person can read: a page that says what happened, or a sentence, never a stack or a bare error. */
async function responseProblems(response: APIResponse, what: string): Promise<string[]> {
  const problems = headerProblems(response, what);
  if (response.status() >= 500) problems.push(`${what}: answered ${response.status()}`);
  if (response.status() < 400) return problems;
  const body = await response.text();
  if (body.trim() === "") problems.push(`${what}: ${response.status()} without a message`);
  if (STACK.test(body)) problems.push(`${what}: a stack trace`);
  if (/^Internal Server Error$|Something went wrong/.test(body)) problems.push(`${what}: a bare error`);
  if ((response.headers()["content-type"] ?? "").startsWith("text/html") && !FRIENDLY_PAGE.test(body)) {
    problems.push(`${what}: ${response.status()} page that does not say what happened`);
  }
  return problems;
}

/** A few requests at a time: enough to finish quickly without starving the two cores the server shares. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

test.describe("an attacker probing every route", () => {
  let anonymous: APIRequestContext;
  let admin: APIRequestContext;
  let learner: APIRequestContext;
  let real: Record<string, string>;

  test.beforeAll(async ({ baseURL }) => {
    anonymous = await playwrightRequest.newContext({ baseURL });
    admin = await signedIn(baseURL!, "admin@example.com");
    learner = await signedIn(baseURL!, "learner@example.com");
    real = await realValues(admin, learner);
  });

  test.afterAll(async () => {
    await Promise.all([anonymous.dispose(), admin.dispose(), learner.dispose()]);
  });

  test("finds the routes it sweeps in app/", () => {
    expect(ROUTES.length).toBeGreaterThan(30);
    expect(ROUTES.map((route) => route.file)).toContain("app/p/[handle]/page.tsx");
    expect(GET_ROUTES.map((route) => route.file)).toContain("app/api/v1/reviews/route.ts");
    expect(GET_ROUTES.map((route) => route.file)).not.toContain("app/api/v1/roadmaps/import/route.ts");
  });

  test("hostile path segments never get a 5xx, signed out, as an admin or as a learner", async () => {
    test.setTimeout(180_000);
    const urls = GET_ROUTES.flatMap((route) =>
      route.segments.flatMap((segment, index) =>
        dynamicName(segment) ? HOSTILE_SEGMENTS.map((hostile) => urlFor(route, (name, at) => (at === index ? hostile : real[name] ?? hostile))) : [],
      ),
    );
    expect(urls.length).toBeGreaterThan(200);
    const calls = [anonymous, admin, learner].flatMap((context) => urls.map((url) => ({ context, url })));
    const problems: string[] = [];
    await inBatches(calls, 6, async ({ context, url }) => {
      problems.push(...(await responseProblems(await context.get(url, { maxRedirects: 0 }), `GET ${url.slice(0, 120)}`)));
    });
    expect(problems).toEqual([]);
  });

  test("hostile search parameters never get a 5xx, as an admin or as a learner", async () => {
    test.setTimeout(180_000);
    const urls = GET_ROUTES.flatMap((route) => {
      const base = urlFor(route, (name) => real[name] ?? "x");
      return [
        ...HOSTILE_QUERY_VALUES.map((value) => `${base}?${QUERY_NAMES.map((name) => `${name}=${value}`).join("&")}`),
        `${base}?${QUERY_NAMES.map((name) => `${name}=a&${name}=b`).join("&")}`,
      ];
    });
    const calls = [admin, learner].flatMap((context) => urls.map((url) => ({ context, url })));
    const problems: string[] = [];
    await inBatches(calls, 6, async ({ context, url }) => {
      problems.push(...(await responseProblems(await context.get(url, { maxRedirects: 0 }), `GET ${url.slice(0, 120)}`)));
    });
    expect(problems).toEqual([]);
  });

  test("a bad percent-encoding gets a plain 400 page, on public and signed-in routes alike", async () => {
    for (const url of ["/invite/%E0%A4%A", "/p/%", "/reset-password/%zz", "/roadmap/%"]) {
      for (const context of [anonymous, learner]) {
        const response = await context.get(url, { maxRedirects: 0 });
        expect(response.status(), url).toBe(400);
        expect(await response.text()).toContain("This address is not valid");
      }
    }
  });

  test("a GET of the sign-in callback is refused with 405, and a callbackUrl next-auth cannot read with 400", async () => {
    const response = await anonymous.get("/api/auth/callback/credentials", { maxRedirects: 0 });
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("POST");
    expect(await response.text()).toContain("/login");

    for (const url of ["/api/auth/session?callbackUrl=-1", "/api/auth/csrf?callbackUrl=%00", "/api/auth/providers?callbackUrl=javascript:alert(1)"]) {
      const refused = await anonymous.get(url, { maxRedirects: 0 });
      expect(refused.status(), url).toBe(400);
      expect(await refused.text()).toContain("This sign-in link is not valid");
    }
    expect((await anonymous.get("/api/auth/session?callbackUrl=%2Froadmap")).status()).toBe(200);
  });

  test("a server-action post from another site is refused with 403 and a message", async ({ baseURL }) => {
    for (const origin of ["https://evil.example", "null", `${baseURL}.evil.example`]) {
      const response = await learner.post("/roadmap", {
        headers: { "next-action": "0".repeat(42), origin, "content-type": "text/plain;charset=UTF-8" },
        data: "[{}]",
        maxRedirects: 0,
      });
      expect(response.status(), origin).toBe(403);
      expect(await response.text()).toContain("came from another site");
      expect(headerProblems(response, `cross-origin post from ${origin}`)).toEqual([]);
    }
  });

  test("an action body over the limit gets 413 with a message, with or without a length", async ({ baseURL }) => {
    const body = `[{"text":"${"x".repeat(1.6 * 1024 * 1024)}"}]`;
    const sized = await learner.post("/admin/roadmaps/import", {
      headers: { "next-action": "0".repeat(42), origin: baseURL!, "content-type": "text/plain;charset=UTF-8" },
      data: body,
      maxRedirects: 0,
    });
    expect(sized.status()).toBe(413);
    expect(await sized.text()).toContain("larger than Cairn accepts");

    // Playwright always sends a length; a chunked body needs Node's own client.
    const url = new URL("/admin/roadmaps/import", baseURL);
    const chunked = await fetch(url, {
      method: "POST",
      headers: { "next-action": "0".repeat(42), origin: url.origin, "content-type": "text/plain;charset=UTF-8" },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
          for (let sent = 0; sent < 1.6 * 1024 * 1024; sent += chunk.byteLength) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toContain("larger than Cairn accepts");
  });
});

test.describe("security headers on every kind of response", () => {
  test("pages, prefetches, RSC requests, handlers, redirects, 404s, refusals and static files", async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const learner = await signedIn(baseURL!, "learner@example.com");
    const loginHtml = await (await anonymous.get("/login")).text();
    const script = /\/_next\/static\/[^"]+\.js/.exec(loginHtml)?.[0];
    const stylesheet = /\/_next\/static\/[^"]+\.css/.exec(loginHtml)?.[0];
    expect(script && stylesheet, "the login page links a built script and stylesheet").toBeTruthy();

    const prefetch = { "next-router-prefetch": "1", rsc: "1" };
    const cases: { what: string; context: APIRequestContext; url: string; headers?: Record<string, string>; signedInPage?: boolean }[] = [
      { what: "signed-in page", context: learner, url: "/roadmap", signedInPage: true },
      { what: "public page", context: anonymous, url: "/login" },
      { what: "signed-in prefetch", context: learner, url: "/roadmap", headers: prefetch, signedInPage: true },
      { what: "signed-out prefetch", context: anonymous, url: "/login", headers: prefetch },
      { what: "RSC request", context: learner, url: "/check-ins", headers: { rsc: "1" }, signedInPage: true },
      { what: "route handler", context: anonymous, url: "/api/health" },
      { what: "signed-out redirect", context: anonymous, url: "/roadmap" },
      { what: "home redirect", context: learner, url: "/" },
      { what: "404 page", context: learner, url: "/no-such-page", signedInPage: true },
      { what: "404 handler", context: learner, url: "/admin/roadmaps/00000000-0000-0000-0000-000000000000/export" },
      { what: "400 page", context: anonymous, url: "/p/%" },
      { what: "405 handler", context: anonymous, url: "/api/auth/callback/credentials" },
      { what: "built script", context: anonymous, url: script! },
      { what: "built stylesheet", context: anonymous, url: stylesheet! },
      { what: "missing built file", context: anonymous, url: "/_next/static/chunks/missing.js" },
      { what: "robots.txt", context: anonymous, url: "/robots.txt" },
      { what: "icon", context: anonymous, url: "/icon.svg" },
      { what: "favicon", context: anonymous, url: "/favicon.ico" },
    ];
    const problems: string[] = [];
    for (const { what, context, url, headers, signedInPage } of cases) {
      const response = await context.get(url, { headers, maxRedirects: 0 });
      if (response.status() >= 500) problems.push(`${what}: answered ${response.status()}`);
      problems.push(...headerProblems(response, what));
      if (signedInPage && !(response.headers()["cache-control"] ?? "").includes("no-store")) problems.push(`${what}: cacheable`);

      const behindHttps = await context.get(url, { headers: { ...headers, "x-forwarded-proto": "https" }, maxRedirects: 0 });
      if (!/max-age=\d{8,}/.test(behindHttps.headers()["strict-transport-security"] ?? "")) problems.push(`${what} behind https: no HSTS`);
    }
    expect(problems).toEqual([]);
    const page = await learner.get("/roadmap");
    const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"] ?? "")?.[1];
    expect(await page.text(), "the page's scripts carry the nonce").toContain(`nonce="${nonce}"`);
    const again = await learner.get("/roadmap");
    const nextNonce = /'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1];
    expect(nextNonce, "every response gets a fresh nonce").toBeTruthy();
    expect(nextNonce).not.toBe(nonce);
    await Promise.all([anonymous.dispose(), learner.dispose()]);
  });
});

test("a learner follows prefetched links and no script is blocked by the policy", async ({ page, signIn }) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load)/i.test(message.text())) blocked.push(message.text());
  });
  const prefetched = page.waitForResponse((response) => response.request().headers()["next-router-prefetch"] === "1");
  await signIn("learner", { home: /\/roadmap$/ });
  expect(headerProblems(await prefetched, "a prefetch the browser made")).toEqual([]);
  await page.getByRole("link", { name: "Check-ins" }).first().hover();
  await page.getByRole("link", { name: "Check-ins" }).first().click();
  await expect(page).toHaveURL(/\/check-ins/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/roadmap$/);
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toBeVisible();
  expect(blocked).toEqual([]);
});
