import "server-only";
import { actorOf } from "@/lib/auth/actor";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getReviewScope } from "@/lib/features/reviews/data";
import { recordDecision } from "@/lib/features/reviews/mutations";
import type { DecisionInput } from "@/lib/features/reviews/schema";
import type { DecisionResult } from "@/lib/features/reviews/types";

// The review writes the screens and the HTTP API share (decision 058): the viewer comes from the session or the
// token, the input is already parsed, and the scope is derived from the attempt against the database each time.

/** The attempt as the viewer may review it; anything out of scope reads exactly like an unknown id. */
export async function reviewScope(viewer: Viewer, submissionId: string, cohortHint?: string) {
  const scope = await getReviewScope(viewer, submissionId, cohortHint);
  if (!scope) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  return scope;
}

/**
 * "Approve" / "Request changes" as `viewer`. An unknown id, another cohort's attempt, the viewer's own attempt and a
 * cohort hint that does not match all answer "not found" (docs/security.md #3, #4); someone else's earlier decision
 * or live claim is a conflict naming them.
 */
export async function decideReviewAs(viewer: Viewer, input: DecisionInput): Promise<DecisionResult> {
  const scope = await reviewScope(viewer, input.submissionId.toLowerCase(), input.cohortId?.toLowerCase());
  return recordDecision(scope, { ...(await actorOf(viewer)), name: viewer.name }, { decision: input.decision, comment: input.comment });
}
