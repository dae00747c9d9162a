// GET /progress/csv/{chart}?cohort=ID — the signed-in learner's own burn-up or hours as CSV (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { loadMyProgressCsv } from "@/lib/features/insights/loaders";
import { parseProgressChart } from "@/lib/features/insights/schema";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const [{ chart }, viewer] = await Promise.all([params, getViewer()]);
  const which = parseProgressChart(chart);
  const cohortId = new URL(request.url).searchParams.get("cohort") ?? undefined;
  const file = which ? await loadMyProgressCsv(viewer, which, cohortId) : null;
  return file ? csvResponse(file) : notFoundResponse();
}
