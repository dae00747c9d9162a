// POST /api/v1/milestones/{key}/complete — the roadmap's tick for a self-check milestone (scope: submit)
import { apiRoute, json, parseApiInput, readJsonBody } from "@/lib/http/api";
import { completionRequestSchema } from "@/lib/features/api/schema";
import { tickMilestoneAs } from "@/lib/features/progress/commands";

export const POST = apiRoute<{ key: string }>("submit", async ({ request, caller, params }) => {
  // The body only ever names a cohort, so a bare `curl -X POST` is fine.
  const empty = request.body === null || request.headers.get("content-length") === "0";
  const { cohortId } = empty ? parseApiInput(completionRequestSchema, {}) : await readJsonBody(request, completionRequestSchema);
  return json(await tickMilestoneAs(caller.viewer, { cohortId, itemKey: params.key, event: "complete" }));
});
