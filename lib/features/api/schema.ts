import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { ApiScope } from "@/lib/auth/api-token";
import { cohortIdSchema, submissionInputSchema } from "@/lib/features/progress/schema";
import { progressQuerySchema } from "@/lib/features/cohort-progress/schema";
import { decisionBodySchema, pendingQuerySchema } from "@/lib/features/reviews/schema";
import { roadmapExportQuerySchema, roadmapImportBodySchema } from "@/lib/features/roadmaps/schema";

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

const progressStatusSchema = z.enum(["not_started", "in_progress", "submitted", "changes_requested", "approved", "done"]);
const attemptStatusSchema = z.enum(["pending", "approved", "changes_requested", "withdrawn", "recorded"]);
const day = z.iso.date();

export const roadmapSchema = z
  .object({
    cohortId: z.uuid(),
    cohortName: z.string(),
    roadmapTitle: z.string(),
    today: day.meta({ description: "Today in the cohort's time zone." }),
    progress: z.object({
      total: z.number().int(),
      completed: z.number().int().meta({ description: "Milestones approved or done." }),
      expected: z.number().int().meta({ description: "Milestones due by today, today included: the pace's yardstick." }),
      onPace: z.boolean(),
      byStatus: z.record(progressStatusSchema, z.number().int()),
    }),
    phases: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        dueDate: day,
        total: z.number().int(),
        completed: z.number().int(),
        milestones: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            status: progressStatusSchema,
            evidence: z.enum(["none", "optional", "required"]),
            reviewRequired: z.boolean(),
            effortHours: z.number().nullable(),
            dueDate: day.meta({ description: "When the learner's pacing expects it done." }),
            attempts: z.number().int(),
            latestAttempt: z.object({ id: z.uuid(), status: attemptStatusSchema }).nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Roadmap" });

export const submissionSchema = z
  .object({
    id: z.uuid(),
    milestoneKey: z.string(),
    attempt: z.number().int().meta({ description: "1, 2, 3 … per milestone." }),
    status: attemptStatusSchema.meta({ description: '"pending" waits for a mentor; "recorded" needs no review.' }),
    milestoneStatus: progressStatusSchema,
    source: z.enum(["web", "api", "ci"]).meta({ description: 'Where the attempt came from; "ci" is shown as "from CI".' }),
    links: z.array(z.object({ url: z.string(), label: z.string().nullable(), kind: z.string() })),
    note: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Submission" });

export const completionSchema = z.object({ status: progressStatusSchema }).meta({ id: "Completion" });

/** `GET /api/v1/roadmap`'s query. */
export const roadmapQuerySchema = z.strictObject({ cohortId: cohortIdSchema.optional() });

/**
 * `POST /api/v1/milestones/{key}/submissions`: the evidence form's fields, the milestone in the path, the cohort
 * optional (the person's first learner cohort), and where it comes from (decision 059).
 */
export const submissionRequestSchema = z
  .strictObject({
    cohortId: cohortIdSchema.optional(),
    links: submissionInputSchema.shape.links,
    note: submissionInputSchema.shape.note,
    source: z
      .enum(["api", "ci"], { error: 'Send "ci" from a pipeline, "api" otherwise, or leave it out.' })
      .default("api")
      .meta({ description: 'Say "ci" from a pipeline: the attempt is shown "from CI" to the learner and the mentor.' }),
  })
  .meta({ id: "SubmissionRequest" });

/** `POST /api/v1/milestones/{key}/complete`: the cohort optional; the body may be left out altogether. */
export const completionRequestSchema = z.strictObject({ cohortId: cohortIdSchema.optional() }).meta({ id: "CompletionRequest" });

export const pendingPageSchema = z
  .object({
    submissions: z.array(
      z.object({
        id: z.uuid(),
        attempt: z.number().int().meta({ description: "1 for the first attempt at the item, 2 after changes were requested…" }),
        submittedAt: z.iso.datetime(),
        note: z.string().meta({ description: "The learner's note (Markdown); empty when none." }),
        links: z.array(z.object({ url: z.url(), label: z.string().nullable() })),
        learner: z.object({ name: z.string() }),
        milestone: z.object({ key: z.string(), title: z.string(), kind: z.enum(["milestone", "project"]) }),
        cohort: z.object({ id: z.uuid(), name: z.string() }),
      }),
    ),
    next: z.string().nullable().meta({ description: "Send as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "PendingPage" });

export const decidedAttemptSchema = z
  .object({
    id: z.uuid(),
    attempt: z.number().int(),
    status: z.enum(["approved", "changes_requested"]),
    progressStatus: progressStatusSchema.meta({ description: "The learner's progress on the item after the decision." }),
    decision: z.object({
      decision: z.enum(["approve", "request_changes"]),
      comment: z.string(),
      reviewerName: z.string(),
      decidedAt: z.iso.datetime(),
    }),
  })
  .meta({ id: "DecidedAttempt" });

export const cohortProgressSchema = z
  .object({
    cohort: z.object({ id: z.uuid(), name: z.string() }),
    today: z.iso.date().meta({ description: "Today on the cohort's clock." }),
    items: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        kind: z.enum(["milestone", "project"]),
        phase: z.string().nullable().meta({ description: "The phase's key; null for portfolio projects." }),
      }),
    ),
    learners: z.array(
      z.object({
        name: z.string(),
        email: z.email(),
        startDate: z.iso.date(),
        completed: z.number().int(),
        total: z.number().int(),
        statuses: z.record(z.string(), progressStatusSchema).meta({ description: "Every item's status, by item key." }),
      }),
    ),
  })
  .meta({ id: "CohortProgress" });

export const importedRoadmapSchema = z
  .object({
    roadmapId: z.uuid(),
    number: z.number().int().meta({ description: "The new draft's version number." }),
    status: z.literal("draft"),
    href: z.string().meta({ description: "The draft in the admin editor, relative to Cairn's address." }),
  })
  .meta({ id: "ImportedRoadmap" });

const idParams = (what: string) => z.object({ id: z.string().meta({ description: what }) });

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
    // OpenAPI 3.1 lets any scheme name the roles an operation needs: the token's scope, read by the reference page.
    security: [{ bearerToken: [scope] }],
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
  endpoint({
    method: "get",
    path: "/api/v1/roadmap",
    summary: "Your roadmap in a cohort",
    description:
      "The token's person's roadmap in that cohort, as their roadmap page shows it: phases, milestones with their status, due date and latest attempt, and progress counts. Without `cohortId`, their first active learner cohort.",
    scope: "read",
    request: { query: roadmapQuerySchema },
    responses: { 200: { description: "The roadmap.", content: { "application/json": { schema: roadmapSchema } } } },
    refusals: { 404: "The person learns in no such cohort (or in none).", 422: "`cohortId` is not a cohort id, or the query has other fields." },
  }),
  endpoint({
    method: "post",
    path: "/api/v1/milestones/{key}/submissions",
    summary: "Submit evidence for a milestone",
    description:
      "Stores one attempt with its links and note, as the milestone page's evidence form does. Honours `Idempotency-Key`: the same key with the same body answers 200 with the first attempt; with a different body, 409.",
    scope: "submit",
    request: {
      params: z.object({ key: z.string().meta({ example: "python-foundations" }) }),
      headers: z.object({ "Idempotency-Key": z.string().optional().meta({ description: "1–255 visible ASCII characters, e.g. a CI run's id and attempt." }) }),
      body: { required: true, content: { "application/json": { schema: submissionRequestSchema } } },
    },
    responses: {
      201: { description: "The attempt was created.", content: { "application/json": { schema: submissionSchema } } },
      200: {
        description: "Nothing new was stored: a replay of a known `Idempotency-Key`, or an attempt was already waiting for review (that attempt).",
        content: { "application/json": { schema: submissionSchema } },
      },
    },
    refusals: {
      404: "No such milestone in the person's roadmap, or no such cohort of theirs.",
      409: "The key was used for a different submission, or the milestone takes no evidence or is already approved.",
      422: "A field is invalid or unknown.",
    },
  }),
  endpoint({
    method: "post",
    path: "/api/v1/milestones/{key}/complete",
    summary: "Mark a self-check milestone done",
    description: "The roadmap's tick. Milestones that need a mentor's review or evidence are refused with 409: submit evidence instead.",
    scope: "submit",
    request: {
      params: z.object({ key: z.string().meta({ example: "mlops-principles" }) }),
      body: { required: false, content: { "application/json": { schema: completionRequestSchema } } },
    },
    responses: { 200: { description: "The milestone's new status.", content: { "application/json": { schema: completionSchema } } } },
    refusals: {
      404: "No such milestone in the person's roadmap, or no such cohort of theirs.",
      409: "The milestone needs review or evidence, or is already done.",
      422: "`cohortId` is not a cohort id, or the body has other fields.",
    },
  }),
  endpoint({
    method: "get",
    path: "/api/v1/reviews",
    summary: "Attempts waiting for your review",
    description:
      "Pending attempts in the cohorts the person mentors (every active cohort for an admin), oldest first, never their " +
      "own. Follow `next` with `cursor` for the following page.",
    scope: "read",
    request: { query: pendingQuerySchema },
    responses: { 200: { description: "One page of the queue.", content: { "application/json": { schema: pendingPageSchema } } } },
    refusals: {
      404: "The person reviews no cohort, or `cohortId` is not one they review.",
      422: "`cohortId`, `limit` or `cursor` is malformed.",
    },
  }),
  endpoint({
    method: "post",
    path: "/api/v1/submissions/{id}/review",
    summary: "Approve an attempt or request changes",
    description:
      "The decision the review screen makes, with the same rules: requesting changes needs a comment, and an attempt " +
      "is decided once.",
    scope: "review",
    request: {
      params: idParams("The attempt's id (`id` in `GET /api/v1/reviews`)."),
      body: {
        required: true,
        content: {
          "application/json": { schema: decisionBodySchema, example: { decision: "request_changes", comment: "Pin the dataset version." } },
        },
      },
    },
    responses: { 200: { description: "The decided attempt.", content: { "application/json": { schema: decidedAttemptSchema } } } },
    refusals: {
      404: "No such attempt within the person's reach: another cohort's, their own, or unknown.",
      409: "Someone else already decided this attempt, holds its claim, or the learner withdrew it.",
      422: "The decision is missing, or changes are requested without a comment.",
    },
  }),
  endpoint({
    method: "get",
    path: "/api/v1/cohorts/{id}/progress",
    summary: "A cohort's progress matrix",
    description:
      "Every active learner's status on every milestone and project. `Accept: text/csv` or `?format=csv` answers with " +
      "the cohort screen's CSV export instead (formula-safe cells, two header rows).",
    scope: "read",
    request: { params: idParams("The cohort's id."), query: progressQuerySchema },
    responses: {
      200: {
        description: "The matrix.",
        content: {
          "application/json": { schema: cohortProgressSchema },
          "text/csv": { schema: z.string().meta({ description: "The screen's export file." }) },
        },
      },
    },
    refusals: { 404: "No such cohort among those the person mentors (any cohort for an admin).", 422: "`format` is neither json nor csv." },
  }),
  endpoint({
    method: "get",
    path: "/api/v1/roadmaps/{id}/export",
    summary: "Export a roadmap version",
    description:
      "One version as the file the admin screen and `npm run roadmap:export` write: Markdown or JSON. Without " +
      "`version`, the latest published one.",
    scope: "admin",
    request: { params: idParams("The roadmap's id or slug."), query: roadmapExportQuerySchema },
    responses: {
      200: {
        description: "The file.",
        content: {
          "text/markdown": { schema: z.string() },
          "application/json": { schema: z.object({}).loose().meta({ description: "The roadmap's JSON format (docs/roadmap-format.md)." }) },
        },
      },
    },
    refusals: {
      404: "The person is not an admin, or there is no such roadmap or version.",
      422: "`format`, `version` or `friction` is malformed, or `friction=1` asks for JSON.",
    },
  }),
  endpoint({
    method: "post",
    path: "/api/v1/roadmaps/import",
    summary: "Import a roadmap file as a draft",
    description:
      "What the admin import screen does: the file is parsed and checked, then written as a new draft version (a new " +
      "roadmap the first time its slug is seen). Publishing stays a step in the editor.",
    scope: "admin",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: roadmapImportBodySchema,
            example: { format: "md", content: "# MLOps Roadmap {#mlops-roadmap}\n\n## Goal\n…" },
          },
        },
      },
    },
    responses: { 201: { description: "The draft.", content: { "application/json": { schema: importedRoadmapSchema } } } },
    refusals: {
      404: "The person is not an admin.",
      409: "The roadmap already has an open draft (also what a repeated import answers).",
      422: "The file has problems; `errors` lists the parser's messages by line or JSON path.",
    },
  }),
];
