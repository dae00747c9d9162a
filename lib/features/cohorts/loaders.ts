import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCohortAccess } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { getCohortMembers, getCohortSettings, listAdminCohorts, listPublishedVersions } from "@/lib/features/cohorts/data";
import { canCreateCohort, canManageCohort } from "@/lib/features/cohorts/policy";
import type { AdminCohortRow, CohortMembersPage, CohortSettingsPage, VersionOption } from "@/lib/features/cohorts/types";
import { isUuid } from "@/lib/ids";

/** Mentor of the cohort (read from the database on every request) or admin; anyone else gets the 404 of a missing cohort. */
const loadAccess = cache(async (viewer: Viewer, cohortId: string) => {
  if (!isUuid(cohortId)) notFound();
  const access = await getCohortAccess(viewer, cohortId);
  if (!canManageCohort(access)) notFound();
  return access;
});

export const loadCohortSettingsPage = cache(async (viewer: Viewer, cohortId: string): Promise<CohortSettingsPage> => {
  const access = await loadAccess(viewer, cohortId);
  const [found, versionOptions] = await Promise.all([getCohortSettings(cohortId), listPublishedVersions()]);
  if (!found) notFound();
  return {
    cohortId,
    cohortName: found.settings.name,
    as: access.as,
    settings: found.settings,
    version: found.version,
    versionOptions,
  };
});

export const loadCohortMembersPage = cache(async (viewer: Viewer, cohortId: string): Promise<CohortMembersPage> => {
  const access = await loadAccess(viewer, cohortId);
  const members = await getCohortMembers(cohortId, viewer.id);
  if (!members) notFound();
  return { ...members, as: access.as };
});

/** Admin → "Cohorts". */
export const loadAdminCohorts = cache(async (viewer: Viewer): Promise<AdminCohortRow[]> => {
  if (!canCreateCohort(viewer)) notFound();
  return listAdminCohorts();
});

/** Admin → "New cohort": the published versions to pick from. */
export const loadNewCohortForm = cache(async (viewer: Viewer): Promise<{ versions: VersionOption[] }> => {
  if (!canCreateCohort(viewer)) notFound();
  return { versions: await listPublishedVersions() };
});
