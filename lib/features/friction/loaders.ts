import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { cohortAccessOrNull } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/viewer";
import { today as todayIn } from "@/lib/calendar-zones";
import { FRICTION_NOTE_TITLE } from "@/lib/features/friction/constants";
import { getFrictionStructure, listFrictionFigures, type FrictionStructure } from "@/lib/features/friction/data";
import type { FrictionReport, FrictionSort } from "@/lib/features/friction/types";
import { frictionCsv, frictionItems, frictionNoteBody, frictionRows, sortFrictionRows } from "@/lib/features/friction/utils";
import { ROADMAP_LIMITS } from "@/lib/features/roadmaps/constants";
import { findRoadmapVersion, getRoadmapDocument, roadmapExportFile } from "@/lib/features/roadmaps/data";
import { canManageRoadmaps } from "@/lib/features/roadmaps/policy";
import { isUuid } from "@/lib/ids";
import { type CsvFile } from "@/lib/csv";

/** Version numbers are PostgreSQL integers; anything else is a version that cannot exist. */
const isVersionNumber = (value: number) => Number.isInteger(value) && value >= 1 && value <= 999_999_999;

/**
 * The rows of a version's items over `structure.cohorts`, in roadmap order, with the editor's link for admins (the
 * editor opens an item with `?item=<kind>:<id>`). One statement.
 */
async function frictionOf(viewer: Viewer, structure: FrictionStructure, now: Date) {
  const items = frictionItems(structure);
  const { learners, figures } = await listFrictionFigures(
    structure.cohorts,
    items.map((item) => item.key),
    now,
  );
  const editor = `/admin/roadmaps/${structure.roadmapId}/versions/${structure.versionNumber}`;
  const rows = frictionRows(items, figures, canManageRoadmaps(viewer) ? (item) => `${editor}?item=${item.kind}:${item.id}` : null);
  return { learners, rows };
}

/** The cohort scope: the access check, the structure and one aggregate; null when the viewer has no access. */
async function cohortFriction(viewer: Viewer | null, cohortId: string, now: Date) {
  const access = await cohortAccessOrNull(viewer, cohortId);
  if (!viewer || !access) return null;
  const structure = await getFrictionStructure({ versionId: access.versionId }, access.cohortId);
  if (!structure || structure.cohorts.length === 0) return null;
  return { access, structure, ...(await frictionOf(viewer, structure, now)) };
}

/**
 * Admins only (the database-backed viewer's `isAdmin`): a version's items over every cohort on it. Archived cohorts
 * are counted — an author revising a roadmap wants its whole history — but nobody in them is "on it now".
 * Null for anyone else and for an unknown roadmap or version. Two statements, whatever the number of cohorts.
 */
async function versionFriction(viewer: Viewer | null, roadmapId: string, versionNumber: number, now: Date) {
  if (!viewer || !canManageRoadmaps(viewer) || !isUuid(roadmapId) || !isVersionNumber(versionNumber)) return null;
  const structure = await getFrictionStructure({ roadmapId, number: versionNumber });
  if (!structure) return null;
  return { structure, ...(await frictionOf(viewer, structure, now)) };
}

/**
 * A cohort's friction per milestone and project, for its mentors and admins; anyone else, an archived cohort and a
 * malformed or unknown id get the same 404. Three statements whatever the cohort's size. `now` is for tests.
 */
export const loadCohortFriction = cache(
  async (viewer: Viewer, cohortId: string, sort: FrictionSort, now: Date = new Date()): Promise<FrictionReport> => {
    const loaded = await cohortFriction(viewer, cohortId, now);
    if (!loaded) notFound();
    const { access, structure, learners, rows } = loaded;
    return {
      scope: {
        kind: "cohort",
        cohortId: access.cohortId,
        cohortName: access.cohortName,
        roadmapTitle: structure.roadmapTitle,
        versionNumber: structure.versionNumber,
      },
      learners,
      sort,
      rows: sortFrictionRows(rows, sort),
      asOf: now.toISOString(),
    };
  },
);

/** A roadmap version's friction across every cohort on it; admins only, everyone else 404. */
export const loadVersionFriction = cache(
  async (viewer: Viewer, roadmapId: string, versionNumber: number, sort: FrictionSort, now: Date = new Date()): Promise<FrictionReport> => {
    const loaded = await versionFriction(viewer, roadmapId, versionNumber, now);
    if (!loaded) notFound();
    const { structure, learners, rows } = loaded;
    return {
      scope: {
        kind: "version",
        roadmapId: structure.roadmapId,
        roadmapTitle: structure.roadmapTitle,
        versionNumber: structure.versionNumber,
        cohorts: structure.cohorts.length,
      },
      learners,
      sort,
      rows: sortFrictionRows(rows, sort),
      asOf: now.toISOString(),
    };
  },
);

/** The cohort's friction table as CSV, in roadmap order; null (→ 404) exactly when the page would be a 404. */
export async function loadCohortFrictionCsv(viewer: Viewer | null, cohortId: string, now: Date = new Date()): Promise<CsvFile | null> {
  const loaded = await cohortFriction(viewer, cohortId, now);
  if (!loaded) return null;
  return frictionCsv(loaded.access.cohortName, loaded.rows, todayIn(loaded.structure.cohorts[0]!.timezone, now));
}

/** A version's friction table as CSV (the day in UTC: its cohorts may keep different zones); null (→ 404) for non-admins. */
export async function loadVersionFrictionCsv(
  viewer: Viewer | null,
  roadmapId: string,
  versionNumber: number,
  now: Date = new Date(),
): Promise<CsvFile | null> {
  const loaded = await versionFriction(viewer, roadmapId, versionNumber, now);
  if (!loaded) return null;
  const { structure, rows } = loaded;
  return frictionCsv(`${structure.roadmapTitle} v${structure.versionNumber}`, rows, todayIn("UTC", now));
}

/**
 * Admin → roadmap → "Export with friction notes": the version's Markdown with a "Friction" note (after any notes
 * it has; a previous export's "Friction" note is replaced), so an author revising the roadmap reads where learners
 * stall. Re-importing the file keeps the note like any other. Null for a non-admin and an unknown roadmap or version,
 * as for the plain export.
 */
export async function loadRoadmapExportWithFriction(
  viewer: Viewer | null,
  roadmapId: string,
  number: number | undefined,
  now: Date = new Date(),
) {
  if (!canManageRoadmaps(viewer)) return null;
  const version = await findRoadmapVersion(roadmapId, number);
  if (!version) return null;
  const [document, structure] = await Promise.all([
    getRoadmapDocument(version.id),
    getFrictionStructure({ versionId: version.id }),
  ]);
  if (!viewer || !structure) return null;
  const { learners, rows } = await frictionOf(viewer, structure, now);
  const body = frictionNoteBody(
    rows,
    { learners, cohorts: structure.cohorts.length, versionNumber: version.number, today: todayIn("UTC", now) },
    ROADMAP_LIMITS.markdownLength,
  );
  const notes = document.notes.filter((note) => note.title.toLowerCase() !== FRICTION_NOTE_TITLE.toLowerCase());
  const file = roadmapExportFile({ ...document, notes: [...notes, { title: FRICTION_NOTE_TITLE, body }] }, version.number, "md");
  // Its own name, so it does not overwrite the plain export of the same version in a downloads folder.
  return { ...file, fileName: `${document.slug}-v${version.number}-friction.md` };
}
