import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { getAccountSettings } from "@/lib/features/account/data";
import type { AccountSettings } from "@/lib/features/account/types";

/** /settings: the viewer's own account, never anyone else's (the id comes from the session). */
export const loadAccountSettings = cache(async (viewer: Viewer): Promise<AccountSettings> => {
  const settings = await getAccountSettings(viewer.id);
  if (!settings) notFound();
  return settings;
});
