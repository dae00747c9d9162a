// POST /api/v1/roadmaps/import — a roadmap file imported as a draft version, as on the admin import screen (scope: admin)
import { apiRoute, json, readJsonBody } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { importRoadmapAs } from "@/lib/features/roadmaps/commands";
import { canManageRoadmaps } from "@/lib/features/roadmaps/policy";
import { roadmapImportBodySchema } from "@/lib/features/roadmaps/schema";

export const POST = apiRoute("admin", async ({ request, caller }) => {
  // Non-admins are refused before the body is read, so a 422 never tells them what an import would have said.
  if (!canManageRoadmaps(caller.viewer)) throw new AppError("NOT_FOUND", "This page does not exist.");
  const { format, content } = await readJsonBody(request, roadmapImportBodySchema);
  const result = await importRoadmapAs(caller.viewer, { format: format === "md" ? "markdown" : "json", text: content });
  if (result.status === "invalid") {
    const errors: Record<string, string[]> = {};
    for (const problem of result.problems) (errors[problem.where] ??= []).push(problem.message);
    throw new AppError("INVALID_INPUT", "The roadmap file has problems; nothing was imported.", errors);
  }
  return json({ roadmapId: result.roadmapId, number: result.number, status: "draft", href: result.href }, { status: 201 });
});
