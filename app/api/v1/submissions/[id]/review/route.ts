// POST /api/v1/submissions/{id}/review — approve an attempt or request changes, as its cohort's mentor or an admin (scope: review)
import { apiRoute, json, readJsonBody } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { decideReviewAs } from "@/lib/features/reviews/commands";
import { decisionBodySchema } from "@/lib/features/reviews/schema";

export const POST = apiRoute<{ id: string }>("review", async ({ request, caller, params }) => {
  if (!isUuid(params.id)) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  const body = await readJsonBody(request, decisionBodySchema);
  const decided = await decideReviewAs(caller.viewer, { submissionId: params.id, ...body });
  return json({
    id: decided.submissionId,
    attempt: decided.attempt,
    status: decided.submissionStatus,
    progressStatus: decided.status,
    decision: { decision: decided.decision, comment: decided.comment, reviewerName: decided.reviewerName, decidedAt: decided.decidedAt },
  });
});
