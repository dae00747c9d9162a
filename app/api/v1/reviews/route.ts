// GET /api/v1/reviews?cohortId=&limit=&cursor= — attempts waiting for the caller's review, oldest first, a page at a time (scope: read)
import { apiRoute, json, parseApiInput } from "@/lib/http/api";
import { loadPendingPage } from "@/lib/features/reviews/loaders";
import { pendingQuerySchema } from "@/lib/features/reviews/schema";

export const GET = apiRoute("read", async ({ request, caller }) => {
  const query = parseApiInput(pendingQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await loadPendingPage(caller.viewer, query));
});
