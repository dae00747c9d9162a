import "server-only";
import { headers } from "next/headers";
import type { Viewer } from "@/lib/auth/viewer";

/** Who made a change, for the audit trail: the person, and the request it came in on (docs/audit-log.md). */
export type Actor = { id: string; requestId: string | null };

/** This request's headers; null outside a request: the command line, background work, or a test calling an action. */
export async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return null;
  }
}

/** The id proxy.ts gave this request, so an audit row can be matched with the request's log lines. */
export async function currentRequestId(): Promise<string | null> {
  return (await requestHeaders())?.get("x-request-id") ?? null;
}

export async function actorOf(viewer: Pick<Viewer, "id">): Promise<Actor> {
  return { id: viewer.id, requestId: await currentRequestId() };
}
