import "server-only";
import { cache } from "react";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getJobsPage } from "@/lib/features/jobs/data";
import { JOB_DEFINITIONS } from "@/lib/features/jobs/jobs";

/** Admin → Jobs; anyone but an admin (as the database says now) gets "not found". */
export const loadJobsPage = cache(async (viewer: Viewer) => {
  adminOnly(viewer);
  return getJobsPage(JOB_DEFINITIONS);
});
