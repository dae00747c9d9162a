// Reading a server action's answer from the RSC stream Next sends back, as the browser's runtime would.
import type { ActionOutcome } from "@/scripts/lib/load/types";

export type ParsedAction = { outcome: ActionOutcome; result?: { ok: boolean; code?: string; error?: string; data?: unknown } };

/**
 * Line 0 names the row holding the action's return value (`"a":"$@1"`); that row is JSON, or `E{…}` when the
 * action threw past its own error handling (the browser shows the error page).
 */
export function parseActionResponse(status: number, body: string): ParsedAction {
  if (status >= 500) return { outcome: "server-error" };
  const lines = body.split("\n");
  const reference = /"a":"\$@([0-9a-f]+)"/.exec(lines[0] ?? "")?.[1];
  const row = reference === undefined ? undefined : lines.find((line) => line.startsWith(`${reference}:`));
  if (!row) return { outcome: "unreadable" };
  const value = row.slice(reference!.length + 1);
  if (value.startsWith("E")) return { outcome: "server-error" };
  try {
    const result = JSON.parse(value) as { ok: boolean; code?: string; error?: string; data?: unknown };
    return { outcome: result.ok ? "ok" : (result.code ?? "unreadable"), result };
  } catch {
    return { outcome: "unreadable" };
  }
}

/** True for answers that mean the server failed, whatever the HTTP status said. */
export function isServerFailure(outcome: ActionOutcome) {
  return outcome === "server-error" || outcome === "INTERNAL" || outcome === "unreadable";
}
