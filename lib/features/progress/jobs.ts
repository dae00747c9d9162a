import "server-only";
import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import { claimLinksToCheck, recordLinkCheck, type ClaimedLink, type LinkCheckResult } from "@/lib/features/progress/mutations";
import type { JobDefinition, JobSummary } from "@/lib/jobs/types";
import { OutboundError, outboundRequest, type OutboundOptions } from "@/lib/net/outbound";

// The nightly re-check of approved evidence links (docs/decisions/063-evidence-link-health.md).

export type LinkCheckSettings = {
  timeoutMs: number;
  maxRedirects: number;
  /** A link checked more recently than this is left for the next night. */
  recheckAfterHours: number;
  /** Links taken per run; the oldest checks go first, so the rest wait one night at most. */
  perRun: number;
  /** Hosts asked in parallel; each host gets one request at a time. */
  hostsAtOnce: number;
  /** Pause between two requests to one host. */
  pauseMs: number;
  allowPrivate: boolean;
};

export const LINK_CHECK_DEFAULTS: Omit<LinkCheckSettings, "allowPrivate"> = {
  timeoutMs: 10_000,
  maxRedirects: 5,
  recheckAfterHours: 20,
  perRun: 2_000,
  hostsAtOnce: 4,
  pauseMs: 1_000,
};

/** HEAD answers that mean "ask me with GET" rather than anything about the page. */
const HEAD_REFUSED = new Set([405, 501]);

function statusLine(status: number, statusText: string): string {
  return `${status} ${statusText || STATUS_CODES[status] || ""}`.trim();
}

/** 404 and 410 say the page is gone; a 5xx may pass by tomorrow; anything else means something answers there. */
function judgeAnswer(status: number, statusText: string): LinkCheckResult {
  if (status === 404 || status === 410) return { outcome: "dead", reason: statusLine(status, statusText) };
  if (status >= 500) return { outcome: "failing", reason: statusLine(status, statusText) };
  return { outcome: "ok" };
}

function judgeFailure(error: OutboundError, settings: LinkCheckSettings): LinkCheckResult {
  switch (error.failure) {
    case "invalid_url":
      return { outcome: "dead", reason: "not a valid web address" };
    case "private_address":
      return { outcome: "skipped", reason: "not checked: the address is on a private network" };
    case "dns":
      return { outcome: "failing", reason: "the address no longer resolves" };
    case "timeout":
      return { outcome: "failing", reason: `timed out after ${(settings.timeoutMs / 1000).toLocaleString("en")} s` };
    case "tls":
      return { outcome: "failing", reason: "TLS certificate error" };
    case "too_many_redirects":
      return { outcome: "failing", reason: "too many redirects" };
    case "connection":
      return { outcome: "failing", reason: "the server did not accept the connection" };
    case "too_large":
      return { outcome: "ok" };
  }
}

async function ask(url: string, method: "HEAD" | "GET", settings: LinkCheckSettings): Promise<LinkCheckResult> {
  const options: OutboundOptions = {
    method,
    timeoutMs: settings.timeoutMs,
    maxRedirects: settings.maxRedirects,
    allowPrivate: settings.allowPrivate,
    // Whether the page is there is in the status line; its body is not read.
    maxBodyBytes: 1,
  };
  try {
    const answer = await outboundRequest(url, options);
    if (method === "HEAD" && HEAD_REFUSED.has(answer.status)) return { outcome: "failing", reason: statusLine(answer.status, answer.statusText) };
    return judgeAnswer(answer.status, answer.statusText);
  } catch (error) {
    if (error instanceof OutboundError) return judgeFailure(error, settings);
    throw error;
  }
}

/**
 * HEAD first, as it costs the host least; GET whenever HEAD does not show the page alive, since some hosts refuse
 * HEAD (405, 501), answer it wrongly or drop it, and a link is only called dead on a GET's word.
 */
async function checkLink(url: string, settings: LinkCheckSettings): Promise<LinkCheckResult> {
  const head = await ask(url, "HEAD", settings);
  if (head.outcome === "ok" || head.outcome === "skipped") return head;
  await sleep(settings.pauseMs);
  return ask(url, "GET", settings);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}

/** The claimed links by host, so each host is asked one request at a time. */
function byHost(links: readonly ClaimedLink[]): ClaimedLink[][] {
  const groups = new Map<string, ClaimedLink[]>();
  for (const link of links) {
    const host = hostOf(link.url);
    groups.set(host, [...(groups.get(host) ?? []), link]);
  }
  return [...groups.values()];
}

/** Checks every link that is due at `now` and records what it found; a few hosts at once, politely. */
export async function checkEvidenceLinks(now: Date, settings: LinkCheckSettings): Promise<JobSummary> {
  const notBefore = new Date(now.getTime() - settings.recheckAfterHours * 3600 * 1000);
  const claimed = await claimLinksToCheck(now, notBefore, settings.perRun);
  const summary = { checked: 0, ok: 0, failed: 0, skipped: 0, broke: 0 };
  const hosts = byHost(claimed);
  const worker = async () => {
    for (let group = hosts.shift(); group; group = hosts.shift()) {
      for (const [index, link] of group.entries()) {
        if (index > 0) await sleep(settings.pauseMs);
        const result = await checkLink(link.url, settings);
        const { broke } = await recordLinkCheck(link.id, result, now);
        summary.checked += 1;
        if (result.outcome === "ok") summary.ok += 1;
        else if (result.outcome === "skipped") summary.skipped += 1;
        else summary.failed += 1;
        if (broke) summary.broke += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.hostsAtOnce) }, worker));
  return summary;
}

/** The `links.check` job: every night at 03:17 UTC, a quiet hour for most hosts and for Cairn. */
export function linkCheckJob(overrides: Partial<LinkCheckSettings> = {}): JobDefinition {
  return {
    name: "links.check",
    cron: "17 3 * * *",
    description: "Re-checks the evidence links of approved attempts and tells learners and mentors when one breaks.",
    run: (now) =>
      checkEvidenceLinks(now, { ...LINK_CHECK_DEFAULTS, allowPrivate: env().LINK_CHECK_ALLOW_PRIVATE, ...overrides }),
  };
}
