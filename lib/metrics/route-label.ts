// The `route` label of the HTTP metrics: the page or endpoint a request was for, with its ids, tokens and handles
// replaced by placeholders. Only the routes below (one per page and route handler under app/, checked by
// route-label.test.ts) and Next's own assets have a label; any other path is "other", so a client requesting made-up
// paths cannot grow the number of series, and no label ever holds a secret or a person's handle.

/** Every route of the app, as its folders under app/ spell it (route groups left out). */
export const ROUTE_TEMPLATES = [
  "/",
  "/login",
  "/welcome",
  "/settings",
  "/notifications",
  "/portfolio",
  "/check-ins",
  "/progress",
  "/progress/csv/[chart]",
  "/roadmap",
  "/roadmap/[key]",
  "/reviews",
  "/reviews/[submissionId]",
  "/cohorts",
  "/cohorts/[cohortId]",
  "/cohorts/[cohortId]/members",
  "/cohorts/[cohortId]/settings",
  "/cohorts/[cohortId]/insights",
  "/cohorts/[cohortId]/insights/csv/[chart]",
  "/cohorts/[cohortId]/learners/[membershipId]",
  "/cohorts/[cohortId]/export/progress",
  "/cohorts/[cohortId]/export/reviews",
  "/admin",
  "/admin/audit",
  "/admin/cohorts",
  "/admin/cohorts/new",
  "/admin/jobs",
  "/admin/outbox",
  "/admin/outbox/[id]",
  "/admin/webhooks",
  "/admin/webhooks/[webhookId]",
  "/admin/roadmaps",
  "/admin/roadmaps/import",
  "/admin/roadmaps/[roadmapId]",
  "/admin/roadmaps/[roadmapId]/export",
  "/admin/roadmaps/[roadmapId]/insights",
  "/admin/roadmaps/[roadmapId]/insights/csv",
  "/admin/roadmaps/[roadmapId]/versions/[number]",
  "/admin/sign-in",
  "/admin/tokens",
  "/admin/users",
  "/admin/users/invites",
  "/invite/[token]",
  "/reset-password/[token]",
  "/forgot-password",
  "/unsubscribe",
  "/p/[handle]",
  "/api/auth/[...nextauth]",
  "/api/docs",
  "/api/health",
  "/api/ready",
  "/api/metrics",
  "/api/unsubscribe",
  "/api/v1/openapi.json",
  "/api/v1/me",
  "/api/v1/roadmap",
  "/api/v1/reviews",
  "/api/v1/milestones/[key]/submissions",
  "/api/v1/milestones/[key]/complete",
  "/api/v1/submissions/[id]/review",
  "/api/v1/cohorts/[id]/progress",
  "/api/v1/roadmaps/import",
  "/api/v1/roadmaps/[id]/export",
] as const;

/** What a dynamic segment becomes in the label: the kind of value, never the value. */
const PLACEHOLDERS: Record<string, string> = { token: ":token", handle: ":handle", key: ":key", number: ":number" };

/** Files Next serves itself; each is one label however many there are. */
const ASSET_PREFIXES = ["/_next/static", "/_next/image", "/_next/data"];
const PUBLIC_FILES = new Set(["/icon.svg", "/robots.txt", "/favicon.ico"]);

type Matcher = { segments: string[]; rest: boolean; label: string };

function compile(template: string): Matcher {
  const parts = template.split("/").filter(Boolean);
  const rest = parts.at(-1)?.startsWith("[...") ?? false;
  const segments = rest ? parts.slice(0, -1) : parts;
  const label = `/${parts
    .map((part) => {
      if (part.startsWith("[...")) return ":rest";
      if (!part.startsWith("[")) return part;
      return PLACEHOLDERS[part.slice(1, -1)] ?? ":id";
    })
    .join("/")}`;
  return { segments, rest, label };
}

// Static segments win over dynamic ones (`/admin/roadmaps/import` before `/admin/roadmaps/[roadmapId]`), as in Next.
const MATCHERS = ROUTE_TEMPLATES.map(compile).sort(
  (a, b) => a.segments.filter((part) => part.startsWith("[")).length - b.segments.filter((part) => part.startsWith("[")).length,
);

function matches(matcher: Matcher, parts: string[]): boolean {
  if (matcher.rest ? parts.length <= matcher.segments.length : parts.length !== matcher.segments.length) return false;
  return matcher.segments.every((segment, index) => segment.startsWith("[") || segment === parts[index]);
}

export function routeLabel(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0]!;
  const asset = ASSET_PREFIXES.find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (asset) return asset;
  if (PUBLIC_FILES.has(path)) return path;
  const parts = path.split("/").filter(Boolean);
  return MATCHERS.find((matcher) => matches(matcher, parts))?.label ?? "other";
}
