// GET /cohorts/{cohortId}/export/reviews — every decision in the cohort as CSV, for its mentors and admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { loadReviewHistoryCsv } from "@/lib/features/cohort-progress/loaders";
import { notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { csvResponse } from "@/lib/csv";

export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const file = await loadReviewHistoryCsv(await getViewer(), cohortId);
  return file ? csvResponse(file) : notFoundResponse();
}
