import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { authenticateApiToken, type ApiCaller, type ApiScope } from "@/lib/auth/api-token";
import { clientAddress } from "@/lib/client-address";
import { consumeRateLimit } from "@/lib/db/rate-limit";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

// The HTTP API's frame (docs/api.md): every handler under app/api/v1 is `apiRoute(scope, handler)`, which
// authenticates the bearer token against the database, counts the request against the token's rate limit, checks
// the token's scope, and maps every failure to an `application/problem+json` answer. What the handler does is a
// feature's loader or mutation, the same one the screens call.

/** Requests one token may make per window; shared by every app instance (the `rate_limits` table). */
export const API_RATE_LIMIT = { points: 300, windowSeconds: 60 } as const;

/** The largest JSON body the API reads (a roadmap import is the biggest). */
export const API_BODY_LIMIT_BYTES = 1_000_000;

const STATUS_OF: Record<AppErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

/** The problem `type` of each answer: a URN per kind, listed in docs/api.md. */
const TYPES: Record<number, string> = {
  400: "urn:cairn:problem:bad-request",
  401: "urn:cairn:problem:unauthorized",
  403: "urn:cairn:problem:forbidden",
  404: "urn:cairn:problem:not-found",
  409: "urn:cairn:problem:conflict",
  413: "urn:cairn:problem:too-large",
  415: "urn:cairn:problem:unsupported-media-type",
  422: "urn:cairn:problem:invalid-input",
  429: "urn:cairn:problem:rate-limited",
  500: "urn:cairn:problem:internal",
  503: "urn:cairn:problem:unavailable",
};

export type Problem = { type: string; title: string; status: number; detail: string; errors?: Record<string, string[]> };

/** An RFC 9457 problem answer. */
export function problem(status: number, detail: string, init: { errors?: Record<string, string[]>; headers?: HeadersInit } = {}): Response {
  const body: Problem = { type: TYPES[status] ?? "about:blank", title: TITLES[status] ?? "Error", status, detail };
  if (init.errors) body.errors = init.errors;
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers });
}

/** A JSON answer; API answers are never cached by anyone in between (they are per token). */
export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "body";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** Parses `value` (query parameters, a body) with a feature's schema; bad input is a 422 naming each field. */
export function parseApiInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrorsOf(result.error));
  return result.data;
}

class BadBody extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The request's JSON body, parsed with `schema`: 415 when it is not JSON, 400 when it does not parse, 422 when invalid. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw new BadBody(415, "Send the body as JSON, with Content-Type: application/json.");
  const text = await request.text();
  if (Buffer.byteLength(text) > API_BODY_LIMIT_BYTES) throw new BadBody(413, `The body is larger than ${API_BODY_LIMIT_BYTES} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadBody(400, "The body is not valid JSON.");
  }
  return parseApiInput(schema, value);
}

/** The `Idempotency-Key` header, when sent: 1–255 visible characters, else a 422. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("INVALID_INPUT", "Some fields need attention.", {
      "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, for example a UUID or your CI run's id."],
    });
  }
  return key;
}

type RouteContext<P> = { params: Promise<P> };
export type ApiHandler<P> = (call: { request: Request; caller: ApiCaller; params: P }) => Promise<Response>;

/**
 * A route handler of the API, for tokens holding `scope`. The order of refusals is fixed: 401 (no valid token),
 * 429 (this token's window is used up; the count is shared by all instances), 403 (the token lacks the scope), then
 * whatever the handler refuses — 404 for anything outside the person's own rights, whatever the token's scopes.
 */
export function apiRoute<P = Record<string, never>>(scope: ApiScope, handler: ApiHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? undefined;
    try {
      const caller = await authenticateApiToken(request.headers.get("authorization"), clientAddress(request.headers));
      if (caller === "missing" || caller === "invalid") {
        const detail =
          caller === "missing"
            ? "Send a personal API token as Authorization: Bearer <token>. Create one under Settings → API tokens."
            : "This token is not valid: it is unknown, expired or revoked, or its account is deactivated.";
        const challenge = caller === "missing" ? 'Bearer realm="Cairn"' : 'Bearer realm="Cairn", error="invalid_token"';
        return problem(401, detail, { headers: { "www-authenticate": challenge } });
      }
      const limit = await consumeRateLimit(`api:${caller.tokenId}`, API_RATE_LIMIT);
      if (!limit.allowed) {
        return problem(429, `This token made more than ${API_RATE_LIMIT.points} requests in ${API_RATE_LIMIT.windowSeconds} seconds. Try again later.`, {
          headers: { "retry-after": String(Math.max(1, limit.retryAfterSeconds)) },
        });
      }
      if (!caller.scopes.includes(scope)) {
        return problem(403, `This token lacks the "${scope}" scope. Create a token with it under Settings → API tokens.`);
      }
      return await handler({ request, caller, params: await context.params });
    } catch (error) {
      if (error instanceof BadBody) return problem(error.status, error.message);
      if (error instanceof AppError) return problem(STATUS_OF[error.code], error.message, { errors: error.fieldErrors });
      const reference = randomUUID().slice(0, 8);
      logger.error({ err: error, reference, requestId }, "API request failed");
      return problem(500, `Something went wrong on our side (reference ${reference}). Try again.`);
    }
  };
}
