import "server-only";
import { headers } from "next/headers";
import type { Viewer } from "@/lib/auth/viewer";

/** Who made a change, for the audit trail: the person, and the request it came in on (docs/audit-log.md). */
export type Actor = { id: string; requestId: string | null };

/**
 * The id proxy.ts gave this request, so an audit row can be matched with the request's log lines. Null outside a
 * request: the command line, background work, or a test calling an action directly.
 */
export async function currentRequestId(): Promise<string | null> {
  try {
    return (await headers()).get("x-request-id");
  } catch {
    return null;
  }
}

export async function actorOf(viewer: Pick<Viewer, "id">): Promise<Actor> {
  return { id: viewer.id, requestId: await currentRequestId() };
}
