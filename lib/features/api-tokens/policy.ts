import type { Viewer } from "@/lib/auth/viewer";
import type { ApiScope } from "@/lib/generated/prisma/enums";

/** The scopes asked for that the person may not grant (`grantableScopes`): a token never holds more than its person. */
export function scopesBeyond(requested: readonly ApiScope[], grantable: readonly ApiScope[]): ApiScope[] {
  return requested.filter((scope) => !grantable.includes(scope));
}

/** A person revokes their own tokens; an admin revokes anyone's (Admin → API tokens). */
export function canRevokeApiToken(viewer: Pick<Viewer, "id" | "isAdmin">, token: { userId: string }): boolean {
  return viewer.isAdmin || token.userId === viewer.id;
}
