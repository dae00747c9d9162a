// `npm run roadmap:import -- <file.md|file.json> [--draft]`
// Imports a roadmap file; an existing slug gets a new version, never an overwrite.
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ROADMAP_LIMITS } from "@/lib/features/roadmaps/constants";
import { parseRoadmapFile } from "@/lib/features/roadmaps/data";
import { withDatabase } from "@/scripts/lib/with-database";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { draft: { type: "boolean" } } });
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run roadmap:import -- <file.md|file.json> [--draft]");
  process.exit(2);
}

const size = await stat(file).then((stats) => stats.size, () => null);
if (size === null) {
  console.error(`No such file: ${file}`);
  process.exit(1);
}
if (size > ROADMAP_LIMITS.fileBytes) {
  console.error(`${file}:1: The file is larger than 1 MB; split it or shorten long descriptions. Nothing was imported.`);
  process.exit(1);
}
const parsed = parseRoadmapFile(file, await readFile(file, "utf8"));
if (!parsed.ok) {
  for (const error of parsed.errors) console.error(`${file}:${error.line}: ${error.message}`);
  console.error("Nothing was imported.");
  process.exit(1);
}

await withDatabase(async () => {
  const { importRoadmapDocument } = await import("@/lib/features/roadmaps/mutations");
  const imported = await importRoadmapDocument(parsed.document, { status: values.draft ? "draft" : "published" });
  console.log(
    `Imported "${parsed.document.title}" as version ${imported.number} of roadmap "${imported.slug}"` +
      (imported.created ? " (new roadmap)." : "; earlier versions are unchanged."),
  );
});
