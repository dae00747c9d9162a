// GET /api/v1/cohorts/{id}/progress — every learner's status on every item, as JSON or (Accept: text/csv, ?format=csv) the screen's CSV (scope: read)
import { apiRoute, json, parseApiInput } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { loadProgressCsv, loadProgressJson } from "@/lib/features/cohort-progress/loaders";
import { progressQuerySchema } from "@/lib/features/cohort-progress/schema";
import { wantsCsv } from "@/lib/features/cohort-progress/utils";
import { csvResponse } from "@/lib/csv";

const NOT_FOUND = "This cohort does not exist, or you do not mentor it.";

export const GET = apiRoute<{ id: string }>("read", async ({ request, caller, params }) => {
  const { format } = parseApiInput(progressQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (wantsCsv(format, request.headers.get("accept"))) {
    const file = await loadProgressCsv(caller.viewer, params.id);
    if (!file) throw new AppError("NOT_FOUND", NOT_FOUND);
    return csvResponse(file);
  }
  const progress = await loadProgressJson(caller.viewer, params.id);
  if (!progress) throw new AppError("NOT_FOUND", NOT_FOUND);
  return json(progress);
});
