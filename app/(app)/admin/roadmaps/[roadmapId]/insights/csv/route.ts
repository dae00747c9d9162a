// GET /admin/roadmaps/{roadmapId}/insights/csv?version=N — roadmap friction across every cohort on a version as CSV, for admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { notFoundResponse } from "@/lib/features/cohort-progress/utils";
import { loadVersionFrictionCsv } from "@/lib/features/friction/loaders";
import { parseFrictionVersion } from "@/lib/features/friction/schema";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ roadmapId: string }> }) {
  const version = parseFrictionVersion(new URL(request.url).searchParams.get("version") ?? undefined);
  if (version === null) return notFoundResponse();
  const [{ roadmapId }, viewer] = await Promise.all([params, getViewer()]);
  const file = await loadVersionFrictionCsv(viewer, roadmapId, version);
  return file ? csvResponse(file) : notFoundResponse();
}
