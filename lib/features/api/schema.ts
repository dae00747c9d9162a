import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { ApiScope } from "@/lib/auth/api-token";

// What the HTTP API promises, as zod: the bodies it answers with and, through `endpoint()`, every path it serves.
// `GET /api/v1/openapi.json` is generated from this list (utils.ts), and a test checks that the list and the route
// handlers under app/api/v1 agree both ways. Request bodies reuse the features' own input schemas where one exists.

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "urn:cairn:problem:not-found" }),
    title: z.string().meta({ example: "Not found" }),
    status: z.number().int().meta({ example: 404 }),
    detail: z.string().meta({ example: "This milestone does not exist." }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Messages per field (422 only)." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem: every error the API answers with." });

export const cohortRoleSchema = z.enum(["learner", "mentor"]);

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    isAdmin: z.boolean(),
    cohorts: z.array(z.object({ id: z.uuid(), name: z.string(), role: cohortRoleSchema })),
  })
  .meta({ id: "Me" });

const problemContent = { "application/problem+json": { schema: problemSchema } };

/** The answers every endpoint may give besides its own. */
const COMMON_RESPONSES = {
  401: { description: "No token, or a token that is unknown, expired, revoked or of a deactivated account.", content: problemContent },
  403: { description: "The token lacks the scope this endpoint needs.", content: problemContent },
  429: { description: "The token's rate limit is used up; `Retry-After` says when to try again.", content: problemContent },
} as const;

type Responses = RouteConfig["responses"];

/**
 * One endpoint of the API: its route, the scope a token needs, what it answers. 401, 403 and 429 are added to every
 * endpoint; `refusals` adds the endpoint's own (404, 409, 422…) with the problem body.
 */
export function endpoint(
  config: Omit<RouteConfig, "responses" | "security"> & { scope: ApiScope; responses: Responses; refusals?: Record<number, string> },
): RouteConfig {
  const { scope, refusals = {}, responses, ...route } = config;
  const own = Object.fromEntries(Object.entries(refusals).map(([status, description]) => [status, { description, content: problemContent }]));
  return {
    ...route,
    description: `${route.description ?? ""}\n\nScope: \`${scope}\`.`.trim(),
    security: [{ bearerToken: [] }],
    responses: { ...responses, ...own, ...COMMON_RESPONSES },
  };
}

/** Every endpoint of API v1, in the order docs/api.md and the reference page list them. */
export const API_ENDPOINTS: RouteConfig[] = [
  endpoint({
    method: "get",
    path: "/api/v1/me",
    summary: "Who the token belongs to",
    description: "The token's person as the database has them now, and the cohorts they belong to with their role in each.",
    scope: "read",
    responses: { 200: { description: "The person.", content: { "application/json": { schema: meSchema } } } },
  }),
];
