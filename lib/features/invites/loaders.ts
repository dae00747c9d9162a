import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCohortAccess } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { getInviteLanding, listCohortInvites, listInstanceInvites } from "@/lib/features/invites/data";
import { canManageCohortInvites, canManageInstanceInvites } from "@/lib/features/invites/policy";
import { inviteTokenSchema } from "@/lib/features/invites/schema";
import type { AdminInvitesPage, InviteLanding, InviteRow } from "@/lib/features/invites/types";
import { listCohortOptions } from "@/lib/features/users/data";
import { isUuid } from "@/lib/ids";

/** Cohort → Members → "Invite links": for the cohort's mentors and admins; anyone else gets the 404 of a missing cohort. */
export const loadCohortInvites = cache(async (viewer: Viewer, cohortId: string): Promise<InviteRow[]> => {
  if (!isUuid(cohortId) || !canManageCohortInvites(await getCohortAccess(viewer, cohortId))) notFound();
  return listCohortInvites(cohortId);
});

/** Admin → Users → Invite links: every link of the instance, and the cohorts a new one may name. */
export const loadAdminInvitesPage = cache(async (viewer: Viewer): Promise<AdminInvitesPage> => {
  if (!canManageInstanceInvites(viewer)) notFound();
  const [invites, cohorts] = await Promise.all([listInstanceInvites(), listCohortOptions()]);
  return { invites, cohorts };
});

/** Public: the invite behind a link (and whether a signed-in viewer is already in its cohort). A malformed token is just another invalid one. */
export const loadInviteLanding = cache(async (token: string, viewer?: Viewer | null): Promise<InviteLanding> => {
  if (!inviteTokenSchema.safeParse(token).success) return { valid: false };
  return getInviteLanding(token, { viewerId: viewer?.id });
});
