import { ChartSpline } from "@/components/ui/icons/chart-spline";
import { CirclePlay } from "@/components/ui/icons/circle-play";
import { Container } from "@/components/ui/icons/container";
import { FlaskConical } from "@/components/ui/icons/flask-conical";
import { FolderGit2 } from "@/components/ui/icons/folder-git-2";
import { Gauge } from "@/components/ui/icons/gauge";
import { GitBranch } from "@/components/ui/icons/git-branch";
import { GitCommitHorizontal } from "@/components/ui/icons/git-commit-horizontal";
import { GitPullRequest } from "@/components/ui/icons/git-pull-request";
import { Globe } from "@/components/ui/icons/globe";
import { Smile } from "@/components/ui/icons/smile";
import type { IconComponent } from "@/components/ui/icon";

import { SafeLink } from "@/components/ui/safe-link";
import { cn } from "@/lib/cn";
import { LINK_KIND_LABELS } from "@/lib/features/progress/link-kinds";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import { parseHttpUrl } from "@/lib/safe-url";

// lucide has no brand logos (GitHub, GitLab, Hugging Face…); these stand for what the link is, not who hosts it.
const KIND_ICONS: Record<LinkKind, IconComponent> = {
  github_repo: FolderGit2,
  github_commit: GitCommitHorizontal,
  github_pull_request: GitPullRequest,
  github_actions_run: CirclePlay,
  gitlab: GitBranch,
  hugging_face: Smile,
  docker_image: Container,
  mlflow: FlaskConical,
  wandb: ChartSpline,
  grafana: Gauge,
  web: Globe,
};

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** `github.com/owner/repo/commit/1a2b3c4`: no scheme, no `www.`, no trailing slash, shas cut to 7 like git does. */
function displayAddress(url: URL): string {
  const host = url.host.replace(/^www\./, "");
  const path = url.pathname
    .split("/")
    .map((segment) => (FULL_SHA.test(segment) ? segment.slice(0, 7) : segment))
    .join("/")
    .replace(/\/$/, "");
  return `${host}${path}${url.search || url.hash ? "…" : ""}`;
}

export type EvidenceLinkProps = {
  url: string;
  label?: string | null;
  kind: LinkKind;
  className?: string;
};

export function EvidenceLink({ url, label, kind, className }: EvidenceLinkProps) {
  const parsed = parseHttpUrl(url);
  const Icon = KIND_ICONS[kind];
  const kindLabel = LINK_KIND_LABELS[kind];
  const text = label?.trim() || (parsed ? displayAddress(parsed) : url);

  return (
    <span className={cn("flex max-w-full min-w-0 items-center gap-2 text-sm leading-6", className)} data-link-kind={kind}>
      <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
      <SafeLink
        href={url}
        title={parsed?.href}
        className={cn(
          "min-w-0 truncate",
          parsed && "font-medium text-accent underline-offset-2 hover:text-accent-hover hover:underline",
        )}
      >
        <span className="sr-only">{kindLabel}: </span>
        {text}
      </SafeLink>
      <span aria-hidden className="hidden shrink-0 text-xs text-muted-foreground sm:inline">
        {kindLabel}
      </span>
    </span>
  );
}
