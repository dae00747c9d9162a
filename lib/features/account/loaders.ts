import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getAccountSettings, listMyCohorts } from "@/lib/features/account/data";
import type { AccountSettings, Me } from "@/lib/features/account/types";

/** /settings: the viewer's own account, never anyone else's (the id comes from the session). */
export const loadAccountSettings = cache(async (viewer: Viewer): Promise<AccountSettings> => {
  const settings = await getAccountSettings(viewer.id);
  if (!settings) notFound();
  return settings;
});

/** The viewer and their cohorts (the API's `/me`): identity from the viewer just resolved, cohorts in one statement. */
export async function loadMe(viewer: Viewer): Promise<Me> {
  return { id: viewer.id, email: viewer.email, name: viewer.name, isAdmin: viewer.isAdmin, cohorts: await listMyCohorts(viewer.id) };
}
