// GET /api/v1/roadmap?cohortId= — the token's person's roadmap in that cohort, as their roadmap page reads it (scope: read)
import { apiRoute, json, parseApiInput } from "@/lib/http/api";
import { roadmapQuerySchema } from "@/lib/features/api/schema";
import { loadRoadmapRecord } from "@/lib/features/progress/loaders";

export const GET = apiRoute("read", async ({ request, caller }) => {
  const { cohortId } = parseApiInput(roadmapQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await loadRoadmapRecord(caller.viewer, cohortId));
});
