// docs/security.md #9: every exported server action and every route handler appears here, one row each, with the
// rule that guards it and the test that proves it. The exports are discovered by importing the modules, so a new
// action added to an existing actions.ts, or a new HTTP method on a route, fails this test until it has a row.
// Beyond the list, two rules are checked by calling the real code: no guarded action or handler does anything for
// a caller without a valid session, and no admin action does anything for a signed-in person who is not an admin.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

type Access =
  /** Anyone; the rule that makes it safe is named in the comment beside the row. */
  | "public"
  /** Any signed-in person, acting on their own things only. */
  | "signed-in"
  /** Admins only; anyone else gets "not found". */
  | "admin"
  /** Scoped by the database: membership in the cohort, the submission's learner's mentors… */
  | "scoped"
  /** API v1: a personal API token holding the endpoint's scope, then the same database checks as the screens. */
  | "token";

type Rule = { access: Access; provedBy: string };

const rule = (access: Access, provedBy: string): Rule => ({ access, provedBy });

const PROGRESS = "lib/features/progress/actions.test.ts";
const REVIEWS = "lib/features/reviews/actions.test.ts";
const SAVED_REPLIES = "lib/features/reviews/saved-replies.test.ts";
const CHECKINS = "lib/features/checkins/actions.test.ts";
const COHORTS = "lib/features/cohorts/actions.test.ts";
const INVITES = "lib/features/invites/cohort-invites.test.ts";
const VERSION_MOVE = "lib/features/cohorts/version-move.test.ts";
const USERS = "lib/features/users/admin-users.test.ts";
const EDITOR = "lib/features/roadmaps/editor.test.ts";
const API_TOKENS = "lib/features/api-tokens/actions.test.ts";
const LINK_HEALTH = "lib/features/progress/link-replacement.test.ts";
const WEBHOOKS = "lib/features/webhooks/actions.test.ts";

/** Keyed by `file#export`. */
const MATRIX: Record<string, Rule> = {
  // next-auth's own endpoints: sign-in is the credential check itself (rate limited, docs/security.md #11, #12).
  "app/api/auth/[...nextauth]/route.ts#GET": rule("public", "e2e/sign-in.spec.ts"),
  "app/api/auth/[...nextauth]/route.ts#POST": rule("public", "e2e/sign-in.spec.ts"),
  // Probes for load balancers and orchestrators; they reveal nothing but up/ready.
  "app/api/health/route.ts#GET": rule("public", "lib/db/readiness.test.ts"),
  "app/api/ready/route.ts#GET": rule("public", "lib/db/readiness.test.ts"),
  // The signed link is the credential: it fits one person and one kind of mail (docs/security.md #52).
  "app/api/unsubscribe/route.ts#POST": rule("public", "lib/features/mail/mail.test.ts"),
  // Prometheus metrics: the METRICS_TOKEN (constant-time) or an admin's API token, never the session (docs/security.md #51).
  "app/api/metrics/route.ts#GET": rule("token", "lib/features/metrics/loaders.test.ts"),
  // API v1 (docs/api.md): the description is public like any API reference; every other endpoint takes a token.
  "app/api/v1/openapi.json/route.ts#GET": rule("public", "lib/features/api/utils.test.ts"),
  "app/api/v1/me/route.ts#GET": rule("token", "lib/http/api.test.ts"),
  "app/api/v1/roadmap/route.ts#GET": rule("token", "lib/features/progress/api.test.ts"),
  "app/api/v1/milestones/[key]/submissions/route.ts#POST": rule("token", "lib/features/progress/api.test.ts"),
  "app/api/v1/milestones/[key]/complete/route.ts#POST": rule("token", "lib/features/progress/api.test.ts"),
  "app/api/v1/reviews/route.ts#GET": rule("token", "lib/features/reviews/api.test.ts"),
  "app/api/v1/submissions/[id]/review/route.ts#POST": rule("token", "lib/features/reviews/api.test.ts"),
  "app/api/v1/cohorts/[id]/progress/route.ts#GET": rule("token", "lib/features/cohort-progress/api.test.ts"),
  "app/api/v1/roadmaps/[id]/export/route.ts#GET": rule("token", "lib/features/roadmaps/api.test.ts"),
  "app/api/v1/roadmaps/import/route.ts#POST": rule("token", "lib/features/roadmaps/api.test.ts"),
  "app/(app)/admin/roadmaps/[roadmapId]/export/route.ts#GET": rule("admin", "lib/features/roadmaps/export.test.ts"),
  "app/(app)/cohorts/[cohortId]/export/progress/route.ts#GET": rule("scoped", "lib/features/cohort-progress/export.test.ts"),
  "app/(app)/cohorts/[cohortId]/export/reviews/route.ts#GET": rule("scoped", "lib/features/cohort-progress/export.test.ts"),
  "app/(app)/cohorts/[cohortId]/insights/csv/[chart]/route.ts#GET": rule("scoped", "lib/features/insights/export.test.ts"),
  "app/(app)/admin/roadmaps/[roadmapId]/insights/csv/route.ts#GET": rule("admin", "lib/features/insights/export.test.ts"),
  "app/(app)/progress/csv/[chart]/route.ts#GET": rule("signed-in", "lib/features/insights/export.test.ts"),

  "lib/features/account/actions.ts#updateProfileAction": rule("signed-in", "lib/features/account/account.test.ts"),
  "lib/features/account/actions.ts#changePasswordAction": rule("signed-in", "lib/features/account/account.test.ts"),
  // A token for the caller only, with scopes within their own rights; revoking: the token's person, or an admin.
  "lib/features/api-tokens/actions.ts#createApiTokenAction": rule("signed-in", API_TOKENS),
  "lib/features/mail/actions.ts#sendTestMailAction": rule("admin", "lib/features/mail/mail.test.ts"),
  "lib/features/api-tokens/actions.ts#revokeApiTokenAction": rule("scoped", API_TOKENS),
  "lib/features/checkins/actions.ts#saveCheckinPlanAction": rule("scoped", CHECKINS),
  "lib/features/checkins/actions.ts#closeOutCheckinAction": rule("scoped", CHECKINS),
  "lib/features/checkins/actions.ts#reopenCheckinAction": rule("scoped", CHECKINS),
  "lib/features/checkins/actions.ts#addCheckinCommentAction": rule("scoped", CHECKINS),

  "lib/features/cohort-progress/actions.ts#signOffCriterionAction": rule("scoped", "lib/features/cohort-progress/actions.test.ts"),

  "lib/features/cohorts/actions.ts#createCohortAction": rule("admin", COHORTS),
  "lib/features/cohorts/actions.ts#updateCohortSettingsAction": rule("scoped", COHORTS),
  "lib/features/cohorts/actions.ts#addCohortMemberAction": rule("scoped", COHORTS),
  "lib/features/cohorts/actions.ts#removeCohortMemberAction": rule("scoped", COHORTS),
  "lib/features/cohorts/actions.ts#restoreCohortMemberAction": rule("scoped", COHORTS),
  "lib/features/cohorts/actions.ts#updateMemberScheduleAction": rule("scoped", COHORTS),
  "lib/features/invites/actions.ts#createInviteAction": rule("scoped", INVITES),
  "lib/features/invites/actions.ts#emailInvitesAction": rule("scoped", INVITES),
  "lib/features/invites/actions.ts#revokeInviteAction": rule("scoped", INVITES),
  "lib/features/cohorts/actions.ts#previewVersionMoveAction": rule("scoped", VERSION_MOVE),
  "lib/features/cohorts/actions.ts#moveCohortVersionAction": rule("scoped", VERSION_MOVE),
  // Creating an account from an invite link: the 256-bit token in the link is the credential (docs/security.md #14).
  "lib/features/invites/actions.ts#acceptInviteAction": rule("public", INVITES),
  "lib/features/invites/actions.ts#joinCohortAction": rule("signed-in", INVITES),
  // Remembers an invite for a single sign-on's round trip: the token is the credential, checked here and again when
  // the account is created (docs/security.md #46).
  "lib/features/sso/actions.ts#startInviteSsoAction": rule("public", "lib/features/sso/sso.test.ts"),
  "lib/features/sso/actions.ts#updateSignInSettingsAction": rule("admin", "lib/features/sso/sso.test.ts"),
  // Instance-wide webhooks: admins only, the flag read from the database by every action.
  "lib/features/webhooks/actions.ts#createWebhookAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#updateWebhookAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#setWebhookPausedAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#deleteWebhookAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#rotateWebhookSecretAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#sendTestWebhookAction": rule("admin", WEBHOOKS),
  "lib/features/webhooks/actions.ts#redeliverWebhookAction": rule("admin", WEBHOOKS),

  "lib/features/notifications/actions.ts#markNotificationsReadAction": rule("signed-in", "lib/features/notifications/mutations.test.ts"),
  "lib/features/notifications/actions.ts#markAllNotificationsReadAction": rule("signed-in", "lib/features/notifications/mutations.test.ts"),
  "lib/features/notifications/actions.ts#saveNotificationPreferencesAction": rule("signed-in", "lib/features/notifications/mutations.test.ts"),

  "lib/features/portfolio/actions.ts#updatePortfolioSettingsAction": rule("signed-in", "lib/features/portfolio/portfolio.test.ts"),

  "lib/features/progress/actions.ts#tickMilestoneAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#submitEvidenceAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#withdrawSubmissionAction": rule("scoped", PROGRESS),
  // The learner's own approved attempt only; re-approving: a reviewer of the attempt's cohort (decision 063).
  "lib/features/progress/actions.ts#replaceEvidenceLinkAction": rule("scoped", LINK_HEALTH),
  "lib/features/progress/actions.ts#addCommentAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#addPrivateNoteAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#updatePrivateNoteAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#deletePrivateNoteAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#saveSelfAssessmentAction": rule("scoped", PROGRESS),
  "lib/features/progress/actions.ts#dismissVersionBannerAction": rule("scoped", VERSION_MOVE),

  "lib/features/reviews/actions.ts#claimReviewAction": rule("scoped", REVIEWS),
  "lib/features/reviews/actions.ts#releaseReviewAction": rule("scoped", REVIEWS),
  "lib/features/reviews/actions.ts#decideReviewAction": rule("scoped", REVIEWS),
  "lib/features/reviews/actions.ts#reapproveLinkAction": rule("scoped", LINK_HEALTH),
  "lib/features/reviews/actions.ts#addMentorCommentAction": rule("scoped", REVIEWS),
  "lib/features/reviews/actions.ts#createSavedReplyAction": rule("scoped", SAVED_REPLIES),
  "lib/features/reviews/actions.ts#renameSavedReplyAction": rule("signed-in", SAVED_REPLIES),
  "lib/features/reviews/actions.ts#deleteSavedReplyAction": rule("signed-in", SAVED_REPLIES),

  "lib/features/roadmaps/actions.ts#createRoadmapAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#createDraftAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#discardDraftAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#publishVersionAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#setRoadmapArchivedAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateVersionDetailsAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateWeeklyRuleAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateCriteriaAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateNotesAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#addPhaseAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#addMilestoneAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#addProjectAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updatePhaseAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateMilestoneAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#updateProjectAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#reorderItemsAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#setItemArchivedAction": rule("admin", EDITOR),
  "lib/features/roadmaps/actions.ts#countItemCompletionsAction": rule("admin", EDITOR),

  "lib/features/roadmaps/actions.ts#previewRoadmapImportAction": rule("admin", "lib/features/roadmaps/actions.test.ts"),
  "lib/features/roadmaps/actions.ts#importRoadmapAction": rule("admin", "lib/features/roadmaps/actions.test.ts"),

  "lib/features/jobs/actions.ts#retryMailAction": rule("admin", "lib/features/jobs/jobs.test.ts"),
  "lib/features/jobs/actions.ts#runJobNowAction": rule("admin", "lib/features/jobs/jobs.test.ts"),

  "lib/features/users/actions.ts#setAdminAction": rule("admin", USERS),
  "lib/features/users/actions.ts#deactivateUserAction": rule("admin", USERS),
  "lib/features/users/actions.ts#reactivateUserAction": rule("admin", USERS),
  "lib/features/users/actions.ts#createPasswordResetLinkAction": rule("admin", USERS),
  "lib/features/invites/actions.ts#createInstanceInviteAction": rule("admin", "lib/features/invites/instance-invites.test.ts"),
  "lib/features/invites/actions.ts#emailInstanceInvitesAction": rule("admin", "lib/features/invites/instance-invites.test.ts"),
  "lib/features/invites/actions.ts#revokeInstanceInviteAction": rule("admin", "lib/features/invites/instance-invites.test.ts"),
  // Setting a new password from a handed-over link: the token is the credential, and it is rate limited.
  "lib/features/users/actions.ts#resetPasswordAction": rule("public", "lib/features/users/reset-password.test.ts"),
  // Mails only the address's own account and answers alike whether it exists (docs/security.md #52).
  "lib/features/users/actions.ts#requestPasswordResetAction": rule("public", "lib/features/users/reset-password.test.ts"),
};

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sourceFiles = [...walk("app"), ...walk("lib")].filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));
const routeFiles = sourceFiles.filter((file) => /(^|\/)route\.ts$/.test(file));
const actionFiles = sourceFiles.filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));

type Endpoint = { key: string; file: string; name: string; kind: "action" | "route"; fn: (...args: unknown[]) => unknown };

let endpoints: Endpoint[] = [];

beforeAll(async () => {
  const found = await Promise.all(
    [...actionFiles.map((file) => ({ file, kind: "action" as const })), ...routeFiles.map((file) => ({ file, kind: "route" as const }))].map(
      async ({ file, kind }) => {
        const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
        return Object.entries(exported)
          .filter(([name, value]) => typeof value === "function" && (kind === "action" || HTTP_METHODS.has(name)))
          .map(([name, value]) => ({ key: `${file}#${name}`, file, name, kind, fn: value as Endpoint["fn"] }));
      },
    ),
  );
  endpoints = found.flat();
});

/** The route's URL up to its first dynamic segment, as an e2e test would request it. */
function urlPrefix(routeFile: string): string {
  const segments = routeFile.replace(/^app\//, "").replace(/\/route\.ts$/, "").split("/").filter((segment) => !/^\(.*\)$/.test(segment));
  const fixed = segments.slice(0, segments.findIndex((segment) => segment.startsWith("[")) >>> 0);
  return `/${fixed.join("/")}`;
}

function isSignInRedirect(error: unknown): boolean {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_REDIRECT");
}

function isNotFoundSignal(error: unknown): boolean {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
}

async function callAction(endpoint: Endpoint): Promise<{ refused: string }> {
  try {
    const result = (await endpoint.fn({})) as { ok: boolean; code?: string };
    return { refused: result.ok ? "allowed" : (result.code ?? "unknown") };
  } catch (error) {
    if (isSignInRedirect(error)) return { refused: "redirect" };
    if (isNotFoundSignal(error)) return { refused: "not-found" };
    throw error;
  }
}

describe("authorization matrix", () => {
  it("has a row for every exported server action and every route handler method", () => {
    expect(endpoints.length).toBeGreaterThan(50);
    const missing = endpoints.map((endpoint) => endpoint.key).filter((key) => !MATRIX[key]);
    expect(missing, "add these to the authorization matrix with the test that proves their guard").toEqual([]);
  });

  it("exports only functions from \"use server\" files (every export is a public endpoint)", async () => {
    for (const file of actionFiles) {
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        expect(typeof value, `${file} exports ${name}`).toBe("function");
        expect(name, `${file}: server actions are named *Action (docs/decisions/005)`).toMatch(/Action$/);
      }
    }
  });

  it("has no stale rows, and every row names an existing test that exercises that endpoint", () => {
    const keys = new Set(endpoints.map((endpoint) => endpoint.key));
    const problems: string[] = [];
    for (const [key, { provedBy }] of Object.entries(MATRIX)) {
      if (!keys.has(key)) problems.push(`${key} no longer exists; remove its row`);
      if (!existsSync(provedBy)) {
        problems.push(`${provedBy} does not exist`);
        continue;
      }
      const [file, name] = key.split("#") as [string, string];
      const proof = readFileSync(provedBy, "utf8");
      const exercised = routeFiles.includes(file)
        ? proof.includes(file.replace(/\.ts$/, "")) || proof.includes(urlPrefix(file))
        : proof.includes(name);
      if (!exercised) problems.push(`${provedBy} never calls ${key}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("guards, checked by calling every endpoint", () => {
  let learner: { id: string };
  // A session whose person does not exist: what a signed-out caller, a forged cookie or a revoked session amounts to
  // once the session check has looked at the database.
  const nobody = { id: randomUUID() };

  beforeAll(async () => {
    learner = await createUser({ name: "Matrix Learner" });
  });

  it("every guarded action sends a caller without a valid session to sign in, before looking at the input", async () => {
    const outcomes: Record<string, string> = {};
    for (const endpoint of endpoints.filter((candidate) => candidate.kind === "action" && MATRIX[candidate.key]?.access !== "public")) {
      outcomes[endpoint.key] = (await asUser(nobody, () => callAction(endpoint))).refused;
    }
    const unguarded = Object.entries(outcomes).filter(([, refused]) => refused !== "redirect" && refused !== "UNAUTHORIZED");
    expect(unguarded, "these actions did not refuse a caller without a session first").toEqual([]);
  });

  it("every admin action answers a signed-in non-admin with not found, before looking at the input", async () => {
    const outcomes: Record<string, string> = {};
    for (const endpoint of endpoints.filter((candidate) => candidate.kind === "action" && MATRIX[candidate.key]?.access === "admin")) {
      outcomes[endpoint.key] = (await asUser(learner, () => callAction(endpoint))).refused;
    }
    const unguarded = Object.entries(outcomes).filter(([, refused]) => refused !== "NOT_FOUND" && refused !== "not-found");
    expect(unguarded, "these admin actions did not refuse a non-admin first").toEqual([]);
  });

  it("every guarded route handler answers a caller without a valid session with 404 (or a sign-in redirect)", async () => {
    const statuses: Record<string, number | string> = {};
    const guarded = (access: Access | undefined) => access !== "public" && access !== "token";
    for (const endpoint of endpoints.filter((candidate) => candidate.kind === "route" && guarded(MATRIX[candidate.key]?.access))) {
      const params = Promise.resolve(new Proxy({}, { get: () => randomUUID() }));
      statuses[endpoint.key] = await asUser(nobody, async () => {
        try {
          const response = (await endpoint.fn(new Request(`http://cairn.test${urlPrefix(endpoint.file)}`), { params })) as Response;
          return response.status;
        } catch (error) {
          if (isSignInRedirect(error)) return "redirect";
          if (isNotFoundSignal(error)) return 404;
          throw error;
        }
      });
    }
    const unguarded = Object.entries(statuses).filter(([, status]) => status !== 404 && status !== "redirect");
    expect(unguarded).toEqual([]);
  });

  it("every API route answers a request without a token with 401, even from someone signed in to the screens", async () => {
    const statuses: Record<string, number> = {};
    const admin = await createUser({ isAdmin: true });
    for (const endpoint of endpoints.filter((candidate) => MATRIX[candidate.key]?.access === "token")) {
      const params = Promise.resolve(new Proxy({}, { get: () => randomUUID() }));
      const method = endpoint.name;
      statuses[endpoint.key] = await asUser(admin, async () => {
        const response = (await endpoint.fn(new Request(`http://cairn.test${urlPrefix(endpoint.file)}`, { method }), { params })) as Response;
        return response.status;
      });
    }
    expect(Object.keys(statuses).length).toBeGreaterThan(0);
    expect(Object.entries(statuses).filter(([, status]) => status !== 401)).toEqual([]);
  });
});
