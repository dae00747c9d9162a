// GET /admin/roadmaps/{roadmapId}/insights/csv?version=N — roadmap friction across every cohort on a version as CSV, for admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { csvResponse, notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { loadVersionFrictionCsv } from "@/lib/features/friction/loaders";

export async function GET(request: Request, { params }: { params: Promise<{ roadmapId: string }> }) {
  const version = new URL(request.url).searchParams.get("version") ?? "";
  if (!/^[1-9]\d{0,8}$/.test(version)) return notFoundResponse();
  const [{ roadmapId }, viewer] = await Promise.all([params, getViewer()]);
  const file = await loadVersionFrictionCsv(viewer, roadmapId, Number(version));
  return file ? csvResponse(file) : notFoundResponse();
}
