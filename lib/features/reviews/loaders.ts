import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { encodeCursor, parseCursor } from "@/lib/cursor";
import { AppError } from "@/lib/errors";
import { getReviewQueue, getReviewScope, getReviewScreen, listPendingPage, listReviewCohorts, listSavedReplies } from "@/lib/features/reviews/data";
import { canUseReviewQueue } from "@/lib/features/reviews/policy";
import type { PendingQuery, QueueFilters } from "@/lib/features/reviews/schema";
import type { PendingPage, SavedReplyView } from "@/lib/features/reviews/types";
import { isUuid } from "@/lib/ids";

/**
 * "Review queue": people who mentor an active cohort, and admins, have one; anyone else gets the same 404 as a
 * missing page. A cohort filter outside the viewer's scope (or malformed) is a 404 too, never an empty queue that
 * would confirm the cohort exists.
 */
export const loadReviewQueue = cache(async (viewer: Viewer, cohort?: string, phase?: string, learner?: string) => {
  const cohorts = await listReviewCohorts(viewer);
  if (!canUseReviewQueue(viewer, cohorts.length)) notFound();
  if (cohort !== undefined && !cohorts.some((candidate) => candidate.id === cohort)) notFound();
  const filters: QueueFilters = { ...(cohort ? { cohort } : {}), ...(phase ? { phase } : {}), ...(learner ? { learner } : {}) };
  return getReviewQueue(viewer, cohorts, filters);
});

/**
 * The review screen of one attempt. Unknown, malformed, another cohort's (whatever cohort the query names) and
 * the viewer's own attempt all answer with the same 404.
 */
export const loadReviewScreen = cache(
  async (viewer: Viewer, submissionId: string, cohort?: string, phase?: string, learner?: string) => {
    if (!isUuid(submissionId)) notFound();
    if (cohort !== undefined && !isUuid(cohort)) notFound();
    const scope = await getReviewScope(viewer, submissionId.toLowerCase(), cohort?.toLowerCase());
    if (!scope) notFound();
    const filters: QueueFilters = { ...(cohort ? { cohort: scope.access.cohortId } : {}), ...(phase ? { phase } : {}), ...(learner ? { learner } : {}) };
    return getReviewScreen(viewer, scope, filters);
  },
);

/**
 * Settings → Saved replies: the viewer's own replies, or null for someone who neither reviews nor kept any (the
 * section is not shown to them).
 */
export const loadSavedReplies = cache(async (viewer: Viewer): Promise<SavedReplyView[] | null> => {
  const [cohorts, replies] = await Promise.all([listReviewCohorts(viewer), listSavedReplies(viewer.id)]);
  return canUseReviewQueue(viewer, cohorts.length) || replies.length > 0 ? replies : null;
});

/**
 * `GET /api/v1/reviews`: the queue's rule for who has one and which cohorts it spans, one page at a time, in two
 * statements (the cohorts in scope, the page with its links). A cohort outside the person's scope, and a person with
 * no queue at all, get "not found" like an unknown cohort.
 */
export async function loadPendingPage(viewer: Viewer, query: PendingQuery): Promise<PendingPage> {
  const cohorts = await listReviewCohorts(viewer);
  const cohortId = query.cohortId?.toLowerCase();
  if (!canUseReviewQueue(viewer, cohorts.length) || (cohortId !== undefined && !cohorts.some((cohort) => cohort.id === cohortId))) {
    throw new AppError("NOT_FOUND", "This cohort does not exist, or you do not review it.");
  }
  const ids = cohortId ? [cohortId] : cohorts.map((cohort) => cohort.id);
  const rows = await listPendingPage(viewer, ids, query.cursor ? parseCursor(query.cursor) : null, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    submissions: page.map(({ createdAt: _createdAt, ...row }) => row),
    next: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
