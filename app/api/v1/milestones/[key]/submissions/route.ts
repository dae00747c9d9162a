// POST /api/v1/milestones/{key}/submissions — evidence for a milestone, as the evidence form submits it; idempotent
// with an Idempotency-Key (scope: submit)
import { apiRoute, idempotencyKeyOf, json, readJsonBody } from "@/lib/http/api";
import { submissionRequestSchema } from "@/lib/features/api/schema";
import { submitEvidenceAs } from "@/lib/features/progress/commands";
import { loadSubmissionRecord } from "@/lib/features/progress/loaders";

export const POST = apiRoute<{ key: string }>("submit", async ({ request, caller, params }) => {
  const idempotencyKey = idempotencyKeyOf(request);
  const { cohortId, links, note, source } = await readJsonBody(request, submissionRequestSchema);
  const submitted = await submitEvidenceAs(caller.viewer, { cohortId, itemKey: params.key, links, note, source, idempotencyKey });
  // 201 only when this request stored the attempt; a replay or the attempt already waiting stores nothing new.
  const created = !submitted.replayed && !submitted.alreadyPending;
  return json(await loadSubmissionRecord(caller.viewer, submitted.submissionId), { status: created ? 201 : 200 });
});
