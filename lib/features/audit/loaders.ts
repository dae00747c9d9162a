import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { getAuditLogPage } from "@/lib/features/audit/data";
import { canReadAuditLog } from "@/lib/features/audit/policy";
import { parseAuditQuery } from "@/lib/features/audit/schema";
import type { AuditLogPage } from "@/lib/features/audit/types";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * /admin/audit: admins only (the flag as the database has it on this request); anyone else gets the 404 page,
 * like every admin page. Search parameters that do not parse are ignored with a note, never an error.
 */
export const loadAuditLog = cache(async (viewer: Viewer, searchParams: SearchParams): Promise<AuditLogPage> => {
  if (!canReadAuditLog(viewer)) notFound();
  return getAuditLogPage(parseAuditQuery(searchParams));
});
