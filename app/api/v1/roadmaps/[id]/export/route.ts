// GET /api/v1/roadmaps/{id}/export?format=md|json&version=N&friction=1 — one roadmap version as the admin screen's export file (scope: admin)
import { apiRoute, parseApiInput } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { loadRoadmapExportWithFriction } from "@/lib/features/friction/loaders";
import { loadRoadmapExport } from "@/lib/features/roadmaps/loaders";
import { roadmapExportQuerySchema } from "@/lib/features/roadmaps/schema";

export const GET = apiRoute<{ id: string }>("admin", async ({ request, caller, params }) => {
  const query = parseApiInput(roadmapExportQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const file =
    query.friction === "1"
      ? await loadRoadmapExportWithFriction(caller.viewer, params.id, query.version)
      : await loadRoadmapExport(caller.viewer, params.id, query.version, query.format);
  if (!file) throw new AppError("NOT_FOUND", "This roadmap or version does not exist.");
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
