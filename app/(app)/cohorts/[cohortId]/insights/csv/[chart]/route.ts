// GET /cohorts/{cohortId}/insights/csv/{chart} — one insights chart of the cohort as CSV (flow, pace, review-wait, streaks, friction), for its mentors and admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { loadCohortFrictionCsv } from "@/lib/features/friction/loaders";
import { loadCohortHealthCsv } from "@/lib/features/insights/loaders";
import { parseHealthChart } from "@/lib/features/insights/schema";
import { csvResponse } from "@/lib/csv";

export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string; chart: string }> }) {
  const [{ cohortId, chart }, viewer] = await Promise.all([params, getViewer()]);
  const healthChart = parseHealthChart(chart);
  const file =
    chart === "friction"
      ? await loadCohortFrictionCsv(viewer, cohortId)
      : healthChart
        ? await loadCohortHealthCsv(viewer, cohortId, healthChart)
        : null;
  return file ? csvResponse(file) : notFoundResponse();
}
