import "server-only";
import { cache } from "react";
import { adminOnly, type Viewer } from "@/lib/auth/viewer";
import { getInstanceOverview } from "@/lib/features/admin/data";

export const loadAdminHome = cache(async (viewer: Viewer) => {
  adminOnly(viewer);
  return getInstanceOverview();
});
