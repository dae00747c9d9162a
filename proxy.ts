// Runs before every route but built assets: security headers with a per-request CSP nonce, a request id for the
// request log (lib/http/server.ts), refusals for requests that must not reach the app (lib/request-checks.ts), and
// a redirect to /login for signed-out page views. It only redirects; every page, action and handler authorizes against the database.
import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken, refreshedSessionToken, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-token";
import { refuseLongStream, refuseRequest } from "@/lib/request-checks";
import { BASELINE_HEADERS, HSTS_VALUE, pageContentSecurityPolicy } from "@/lib/security-headers";

// Cairn has no favicon.ico (its icon is app/icon.svg): the request gets the 404 page, signed in or not.
const PUBLIC_PATHS = [/^\/login$/, /^\/forgot-password$/, /^\/unsubscribe$/, /^\/p\//, /^\/invite\//, /^\/reset-password\//, /^\/api\//, /^\/favicon\.ico$/];
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const incomingId = request.headers.get("x-request-id");
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const csp = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  let response: NextResponse;
  const refusal =
    refuseRequest(request.method, pathname, request.headers) ??
    (await refuseLongStream(request));
  if (refusal) {
    response = new NextResponse(refusal.body, { status: refusal.status, headers: { "content-type": refusal.contentType } });
  } else {
    const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
    const session = isPublic ? null : await readSessionToken(request.cookies.get(sessionCookieName())?.value);
    if (!isPublic && !session) {
      const login = new URL("/login", request.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      response = NextResponse.redirect(login);
    } else {
      const headers = new Headers(request.headers);
      headers.set("x-request-id", requestId);
      headers.set("x-nonce", nonce);
      headers.set("content-security-policy", csp);
      response = NextResponse.next({ request: { headers } });
      const refreshed = session ? await refreshedSessionToken(session) : null;
      if (refreshed) {
        response.cookies.set(sessionCookieName(), refreshed, sessionCookieOptions());
      }
    }
  }

  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) response.headers.set(name, value);
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("strict-transport-security", HSTS_VALUE);
  }
  response.headers.set("cache-control", "no-store");
  return response;
}

// Prefetches included: their answers must carry the headers too (docs/security.md #40). Built assets and the two
// public files are left to next.config.ts, which gives them the same headers without a nonce.
export const config = {
  matcher: ["/((?!_next/static|_next/image|robots.txt|icon.svg).*)"],
};
