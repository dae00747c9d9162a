import "server-only";
import { cache } from "react";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getAuditLogPage } from "@/lib/features/audit/data";
import { parseAuditQuery } from "@/lib/features/audit/schema";
import type { AuditLogPage } from "@/lib/features/audit/types";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * /admin/audit: admins only (the flag as the database has it on this request); anyone else gets the 404 page,
 * like every admin page. Search parameters that do not parse are ignored with a note, never an error.
 */
export const loadAuditLog = cache(async (viewer: Viewer, searchParams: SearchParams): Promise<AuditLogPage> => {
  adminOnly(viewer);
  return getAuditLogPage(parseAuditQuery(searchParams));
});
