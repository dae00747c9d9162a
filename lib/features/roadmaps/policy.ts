import type { Viewer } from "@/lib/auth/viewer";
import type { VersionStatus } from "@/lib/features/roadmaps/types";

/**
 * Roadmaps are authored, imported and exported by admins only, with the flag read from the database on every
 * request. Everyone else is answered as if the roadmap did not exist (docs/product.md, "Roles and scope").
 */
export function canManageRoadmaps(viewer: Pick<Viewer, "isAdmin"> | null): boolean {
  return viewer?.isAdmin === true;
}

/** Only the draft takes content changes; published and retired versions are read-only (decision 008). */
export function canEditVersion(version: { status: VersionStatus }): boolean {
  return version.status === "draft";
}
