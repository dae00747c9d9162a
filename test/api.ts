// Calls an API v1 route handler as an HTTP client would: a Request with the token as a bearer header, the route's
// params, and the answer read back as status, headers and parsed body.
import { API_SCOPES, newApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { API_RATE_LIMIT } from "@/lib/http/api";
import { createApiToken } from "@/prisma/factories/users";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type ApiAnswer = { status: number; headers: Headers; body: unknown; text: string };

export async function callApi<P>(
  handler: Handler<P>,
  {
    method = "GET",
    path = "/api/v1/test",
    token,
    body,
    headers = {},
    params,
  }: { method?: string; path?: string; token?: string; body?: unknown; headers?: Record<string, string>; params?: P } = {},
): Promise<ApiAnswer> {
  const sent = new Headers(headers);
  if (token !== undefined) sent.set("authorization", `Bearer ${token}`);
  if (body !== undefined && !sent.has("content-type")) sent.set("content-type", "application/json");
  const request = new Request(`http://cairn.test${path}`, {
    method,
    headers: sent,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params ?? ({} as P)) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, text, body: /json/.test(type) && text ? JSON.parse(text) : text };
}

/**
 * Bearer tokens the API must refuse with 401, each for another reason: malformed, unknown, expired, revoked. The
 * expired and revoked ones belong to `userId` and hold every scope, so only the token's state can refuse them.
 */
export async function refusedTokens(userId: string): Promise<Record<"malformed" | "unknown" | "expired" | "revoked", string>> {
  const scopes = [...API_SCOPES];
  const expired = await createApiToken(userId, { name: "expired", scopes, expiresAt: new Date(Date.now() - 1000) });
  const revoked = await createApiToken(userId, { name: "revoked", scopes });
  await db.apiToken.update({ where: { id: revoked.row.id }, data: { revokedAt: new Date() } });
  return { malformed: "not-a-token", unknown: newApiToken().token, expired: expired.token, revoked: revoked.token };
}

/** Uses up a token's rate-limit window, so its next request is the one past the limit. */
export async function exhaustRateLimit(tokenId: string): Promise<void> {
  for (let hit = 0; hit < API_RATE_LIMIT.points; hit += 1) await consumeRateLimit(`api:${tokenId}`, API_RATE_LIMIT);
}
