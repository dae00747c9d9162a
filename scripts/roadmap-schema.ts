// `npx tsx scripts/roadmap-schema.ts` — rewrites docs/roadmap.schema.json from the zod schema of the JSON format.
// lib/features/roadmaps/json-schema.test.ts fails when the committed file and the schema differ.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { formatRoadmapJsonSchema } from "@/lib/features/roadmaps/json";

const file = path.join(process.cwd(), "docs", "roadmap.schema.json");
await writeFile(file, formatRoadmapJsonSchema());
console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
