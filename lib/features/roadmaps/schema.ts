import { z } from "zod";
import { ROADMAP_FILE_MAX_BYTES } from "@/lib/features/roadmaps/constants";

/**
 * Import screen → "Preview" and "Import as draft". The text is the whole file; its real size limit (1 MB of UTF-8)
 * is the parser's, which reports it in words. This cap only stops absurd payloads before parsing; a character is
 * at least one byte, so anything the parser would accept passes it.
 */
export const roadmapImportSchema = z.strictObject({
  format: z.enum(["markdown", "json"], { error: "Choose Markdown or JSON." }),
  text: z
    .string({ error: "Choose a file or paste the roadmap." })
    .max(ROADMAP_FILE_MAX_BYTES * 2, { error: "The file is larger than 1 MB; roadmap files can be at most 1 MB." }),
});

/** GET /admin/roadmaps/{roadmapId}/export: `?version=N&format=md|json`; without a version, the latest published one. */
export const roadmapExportQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  format: z.enum(["md", "json"]).default("md"),
});
