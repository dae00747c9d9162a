import type { Viewer } from "@/lib/auth/viewer";

/** The audit log shows every privileged change of the instance: admins only. */
export function canReadAuditLog(viewer: Pick<Viewer, "isAdmin">): boolean {
  return viewer.isAdmin;
}
