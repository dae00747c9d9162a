// GET /admin/roadmaps/{roadmapId}/export?version=N&format=md|json&friction=1 — one roadmap version as a Markdown or JSON file (Markdown with a "Friction" note), for admins (else 404)
import { getViewer } from "@/lib/auth/viewer";
import { loadRoadmapExportWithFriction } from "@/lib/features/friction/loaders";
import { loadRoadmapExport } from "@/lib/features/roadmaps/loaders";
import { roadmapExportQuerySchema } from "@/lib/features/roadmaps/schema";

/** The same answer for a signed-out caller, a non-admin, an unknown roadmap or version, and a malformed query. */
function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ roadmapId: string }> }) {
  const viewer = await getViewer();
  const query = roadmapExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return notFound();
  const { roadmapId } = await params;
  const { version, format, friction } = query.data;
  const file =
    friction === "1"
      ? await loadRoadmapExportWithFriction(viewer, roadmapId, version)
      : await loadRoadmapExport(viewer, roadmapId, version, format);
  if (!file) return notFound();
  return new Response(file.body, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
