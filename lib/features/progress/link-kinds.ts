import type { LinkKind } from "@/lib/generated/prisma/enums";

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  github_repo: "GitHub repository",
  github_commit: "GitHub commit",
  github_pull_request: "GitHub pull request",
  github_actions_run: "GitHub Actions run",
  gitlab: "GitLab",
  hugging_face: "Hugging Face",
  docker_image: "Docker image",
  mlflow: "MLflow",
  wandb: "Weights & Biases",
  grafana: "Grafana",
  web: "Web page",
};

const COMMIT_SHA = /^[0-9a-f]{7,40}$/i;
const FULL_SHA = /^[0-9a-f]{40}$/i;
const NUMBER = /^\d+$/;

// First path segments of github.com that are GitHub's own pages, not an owner: `/orgs/x/y` is not a repository.
const GITHUB_RESERVED_OWNERS = new Set([
  "about",
  "apps",
  "collections",
  "enterprise",
  "explore",
  "features",
  "login",
  "marketplace",
  "new",
  "notifications",
  "orgs",
  "pricing",
  "search",
  "settings",
  "sponsors",
  "topics",
  "trending",
  "users",
]);

/** Lower-case host without a trailing root dot (`github.com.` is github.com). */
function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, "");
}

/** `host` is `domain` or one of its subdomains; `evilgithub.com` and `github.com.evil.example` are neither. */
function isDomainOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isGitHubHost(host: string): boolean {
  return host === "github.com" || host === "www.github.com";
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split("/").filter((segment) => segment !== "");
}

function detectGitHubKind(segments: string[]): LinkKind {
  const [owner, repo, section, id, sub] = segments;
  if (owner === "users" || owner === "orgs") {
    return segments[2] === "packages" && segments[3] === "container" ? "docker_image" : "web";
  }
  if (!owner || !repo || GITHUB_RESERVED_OWNERS.has(owner.toLowerCase())) return "web";
  if (section === "commit" && id && COMMIT_SHA.test(id)) return "github_commit";
  if (section === "pull" && id && NUMBER.test(id)) return "github_pull_request";
  if (section === "actions" && id === "runs" && sub && NUMBER.test(sub)) return "github_actions_run";
  if (section === "pkgs" && id === "container") return "docker_image";
  return "github_repo";
}

/** What an evidence link points at, from its address alone (no network request). */
export function detectLinkKind(url: URL): LinkKind {
  const host = hostOf(url);
  const segments = segmentsOf(url);

  if (isGitHubHost(host)) return detectGitHubKind(segments);
  if (isDomainOrSubdomain(host, "gitlab.com") || host.startsWith("gitlab.")) return "gitlab";
  if (
    isDomainOrSubdomain(host, "huggingface.co") ||
    isDomainOrSubdomain(host, "hf.co") ||
    isDomainOrSubdomain(host, "hf.space")
  ) {
    return "hugging_face";
  }
  if (host === "hub.docker.com" && (segments[0] === "r" || segments[0] === "_") && segments.length >= 2) {
    return "docker_image";
  }
  if (host === "ghcr.io" && segments.length >= 1) return "docker_image";
  if (isDomainOrSubdomain(host, "wandb.ai")) return "wandb";
  if (
    isDomainOrSubdomain(host, "grafana.com") ||
    isDomainOrSubdomain(host, "grafana.net") ||
    host.startsWith("grafana.")
  ) {
    return "grafana";
  }
  // Self-hosted tracking servers have no fixed host; "mlflow" in the host or path is the usual tell.
  if (host.includes("mlflow") || url.pathname.toLowerCase().includes("mlflow")) return "mlflow";
  return "web";
}

/**
 * The commit a GitHub link is pinned to: the sha of a commit page, or a full 40-hex sha in a `/tree/` or `/blob/`
 * path. Branch names are not pins (they move), and a short hex-looking segment may be a branch, hence 40 digits.
 */
export function pinnedCommit(url: URL): string | null {
  if (!isGitHubHost(hostOf(url))) return null;
  const [owner, repo, section, ref] = segmentsOf(url);
  if (!owner || !repo || !ref || GITHUB_RESERVED_OWNERS.has(owner.toLowerCase())) return null;
  if (section === "commit" && COMMIT_SHA.test(ref)) return ref.toLowerCase();
  if ((section === "tree" || section === "blob") && FULL_SHA.test(ref)) return ref.toLowerCase();
  return null;
}
