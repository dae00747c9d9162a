import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getInstanceOverview } from "@/lib/features/admin/data";

export const loadAdminHome = cache(async (viewer: Viewer) => {
  if (!viewer.isAdmin) notFound();
  return getInstanceOverview();
});
