// `npm run roadmap:export -- <roadmap slug or id> [--format md|json] [--version N]`
// Writes the roadmap (latest published version unless --version) to standard output.
import { parseArgs } from "node:util";
import { serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import { withDatabase } from "@/scripts/lib/with-database";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: "string", default: "md" }, version: { type: "string" } },
});
const roadmap = positionals[0];
if (!roadmap || !["md", "json"].includes(values.format ?? "")) {
  console.error("Usage: npm run roadmap:export -- <roadmap slug or id> [--format md|json] [--version N]");
  process.exit(2);
}

await withDatabase(async () => {
  const { findRoadmapVersion, getRoadmapDocument } = await import("@/lib/features/roadmaps/data");
  const version = await findRoadmapVersion(roadmap, values.version ? Number(values.version) : undefined);
  if (!version) {
    console.error(`No roadmap "${roadmap}"${values.version ? ` with version ${values.version}` : ""}.`);
    return 1;
  }
  const document = await getRoadmapDocument(version.id);
  process.stdout.write(values.format === "json" ? serializeRoadmapJson(document) : serializeRoadmapMarkdown(document));
});
