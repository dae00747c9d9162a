import { describe, expect, it } from "vitest";

import { detectLinkKind, LINK_KIND_LABELS, pinnedCommit } from "@/lib/features/progress/link-kinds";
import { LinkKind } from "@/lib/generated/prisma/enums";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";

describe("detectLinkKind", () => {
  it.each([
    ["https://github.com/acme/model-serving", "github_repo"],
    ["https://github.com/acme/model-serving/", "github_repo"],
    ["https://www.github.com/acme/model-serving", "github_repo"],
    ["https://github.com/acme/model-serving.git", "github_repo"],
    ["https://github.com/acme/model-serving/tree/main/src", "github_repo"],
    [`https://github.com/acme/model-serving/blob/${SHA}/README.md`, "github_repo"],
    ["https://github.com/acme/model-serving/issues/4", "github_repo"],
    [`https://github.com/acme/model-serving/commit/${SHA}`, "github_commit"],
    ["https://github.com/acme/model-serving/commit/3f78685", "github_commit"],
    ["https://github.com/acme/model-serving/pull/42", "github_pull_request"],
    ["https://github.com/acme/model-serving/pull/42/files", "github_pull_request"],
    ["https://github.com/acme/model-serving/actions/runs/123456789", "github_actions_run"],
    ["https://github.com/acme/model-serving/actions/runs/123456789/job/987", "github_actions_run"],
    ["https://gitlab.com/acme/pipeline", "gitlab"],
    ["https://gitlab.example.org/team/project/-/merge_requests/3", "gitlab"],
    ["https://huggingface.co/acme/sentiment-model", "hugging_face"],
    ["https://hf.co/acme/sentiment-model", "hugging_face"],
    ["https://huggingface.co/datasets/acme/reviews", "hugging_face"],
    ["https://hub.docker.com/r/acme/serving", "docker_image"],
    ["https://hub.docker.com/_/python", "docker_image"],
    ["https://ghcr.io/acme/serving:1.2.0", "docker_image"],
    ["https://github.com/acme/serving/pkgs/container/serving", "docker_image"],
    ["https://mlflow.acme.dev/#/experiments/3", "mlflow"],
    ["http://localhost:5000/mlflow/#/experiments/3/runs/abc", "mlflow"],
    ["https://wandb.ai/acme/churn/runs/1x2y3z", "wandb"],
    ["https://grafana.com/grafana/dashboards/1860", "grafana"],
    ["https://acme.grafana.net/d/abc/latency", "grafana"],
    ["https://grafana.acme.internal/d/abc/latency", "grafana"],
    ["https://example.com/blog/post", "web"],
  ] as const)("%s is %s", (raw, kind) => {
    expect(detectLinkKind(new URL(raw))).toBe(kind);
  });

  it.each([
    ["https://github.com.evil.example/acme/repo/commit/" + SHA],
    ["https://evilgithub.com/acme/repo"],
    ["https://github.co/acme/repo"],
    ["https://gist.github.com/acme/abc123"],
    ["https://github.com/acme"],
    ["https://github.com/"],
    ["https://github.com/orgs/acme/people"],
    ["https://github.com/settings/profile"],
    ["https://nothuggingface.co/acme/model"],
    ["https://hub.docker.com/"],
    ["https://fakewandb.ai/acme"],
  ])("lookalike or non-repository %s is a web page", (raw) => {
    expect(detectLinkKind(new URL(raw))).toBe("web");
  });

  it("has a label for every kind", () => {
    for (const kind of Object.values(LinkKind)) expect(LINK_KIND_LABELS[kind]).toMatch(/\S/);
    expect(LINK_KIND_LABELS.wandb).toBe("Weights & Biases");
    expect(LINK_KIND_LABELS.web).toBe("Web page");
  });
});

describe("pinnedCommit", () => {
  it.each([
    [`https://github.com/acme/repo/commit/${SHA}`, SHA],
    [`https://github.com/acme/repo/commit/${SHA.toUpperCase()}`, SHA],
    ["https://github.com/acme/repo/commit/3f78685", "3f78685"],
    [`https://github.com/acme/repo/tree/${SHA}`, SHA],
    [`https://github.com/acme/repo/tree/${SHA}/src`, SHA],
    [`https://github.com/acme/repo/blob/${SHA}/src/train.py#L10`, SHA],
  ])("%s is pinned to %s", (raw, sha) => {
    expect(pinnedCommit(new URL(raw))).toBe(sha);
  });

  it.each([
    ["https://github.com/acme/repo"],
    ["https://github.com/acme/repo/tree/main"],
    ["https://github.com/acme/repo/blob/main/README.md"],
    ["https://github.com/acme/repo/tree/3f78685/src"],
    ["https://github.com/acme/repo/pull/42"],
    [`https://github.com.evil.example/acme/repo/commit/${SHA}`],
    [`https://gitlab.com/acme/repo/-/commit/${SHA}`],
  ])("%s is not pinned", (raw) => {
    expect(pinnedCommit(new URL(raw))).toBeNull();
  });
});
