// GET /cohorts/{cohortId}/export/progress — the cohort's progress matrix as CSV, for its mentors and admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { loadProgressCsv } from "@/lib/features/cohort-progress/loaders";
import { notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { csvResponse } from "@/lib/csv";

export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const file = await loadProgressCsv(await getViewer(), cohortId);
  return file ? csvResponse(file) : notFoundResponse();
}
