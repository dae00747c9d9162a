import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MILESTONE_CONTENT_SELECT, PROJECT_CONTENT_SELECT } from "@/lib/features/roadmaps/constants";
import { parseRoadmapJson, serializeRoadmapJson } from "@/lib/features/roadmaps/json";
import { parseRoadmapMarkdown, serializeRoadmapMarkdown } from "@/lib/features/roadmaps/markdown";
import type {
  ChangeSummary,
  EditorMilestone,
  EditorPhase,
  EditorProject,
  EditorVersion,
  EditorVersionFields,
  RoadmapDocument,
  RoadmapExportFormat,
  RoadmapImportFormat,
  RoadmapImportProblem,
  RoadmapListRow,
  RoadmapOverview,
  RoadmapParseResult,
  RoadmapResource,
  VersionStatus,
} from "@/lib/features/roadmaps/types";
import { diffDocuments, liveInOrder } from "@/lib/features/roadmaps/utils";
import { diffVersions } from "@/lib/features/roadmaps/version-diff";
import { isUuid } from "@/lib/ids";

/** A roadmap by slug or id, with the version to export: the given number, else the latest published, else the latest. */
export async function findRoadmapVersion(roadmap: string, versionNumber?: number) {
  const found = await db.roadmap.findFirst({
    where: isUuid(roadmap) ? { OR: [{ id: roadmap }, { slug: roadmap }] } : { slug: roadmap },
    select: {
      id: true,
      slug: true,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true } },
    },
  });
  if (!found) return null;
  const version =
    versionNumber !== undefined
      ? found.versions.find((v) => v.number === versionNumber)
      : (found.versions.find((v) => v.status === "published") ?? found.versions[0]);
  return version ? { roadmapId: found.id, slug: found.slug, ...version } : null;
}

/** The whole content of one version as the document the Markdown/JSON formats carry. Archived items are left out. */
export async function getRoadmapDocument(versionId: string, tx: Tx = db): Promise<RoadmapDocument> {
  const version = await tx.roadmapVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      title: true,
      summary: true,
      roadmap: { select: { slug: true } },
      phases: liveInOrder({
        key: true,
        title: true,
        description: true,
        milestones: liveInOrder(MILESTONE_CONTENT_SELECT),
      }),
      projects: liveInOrder(PROJECT_CONTENT_SELECT),
      weeklyRule: { orderBy: { position: "asc" }, select: { text: true } },
      criteria: { orderBy: { position: "asc" }, select: { key: true, text: true } },
      notes: { orderBy: { position: "asc" }, select: { title: true, body: true } },
    },
  });
  return {
    title: version.title,
    slug: version.roadmap.slug,
    summary: version.summary,
    phases: version.phases.map((phase) => ({
      ...phase,
      milestones: phase.milestones.map((milestone) => ({
        ...milestone,
        resources: milestone.resources as { label: string; url: string }[],
      })),
    })),
    projects: version.projects,
    weeklyRule: version.weeklyRule.map((item) => item.text),
    criteria: version.criteria,
    notes: version.notes,
  };
}

/** The roadmap an import with this slug would add a version to, its versions newest first; null for a new slug. */
export async function findRoadmapBySlug(slug: string) {
  return db.roadmap.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true } },
    },
  });
}

// ——— Files: the formats are chosen here, on the server, so no parser reaches a browser bundle ———

/** Picks the format by file name: `.json` is the JSON export, anything else is Markdown. */
export function parseRoadmapFile(fileName: string, text: string): RoadmapParseResult {
  return fileName.toLowerCase().endsWith(".json") ? parseRoadmapJson(text) : parseRoadmapMarkdown(text);
}

/** Parses pasted or uploaded text in the chosen format; problems are located by line or by JSON path. */
export function parseRoadmapImport(
  format: RoadmapImportFormat,
  text: string,
): { ok: true; document: RoadmapDocument } | { ok: false; problems: RoadmapImportProblem[] } {
  const parsed = format === "json" ? parseRoadmapJson(text) : parseRoadmapMarkdown(text);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.errors.map((error) =>
      error.path && error.message.startsWith(`${error.path}: `)
        ? { where: error.path, message: error.message.slice(error.path.length + 2) }
        : { where: `Line ${error.line}`, message: error.message },
    ),
  };
}

/** The file an export sends: `<slug>-v<N>.md` or `.json`. */
export function roadmapExportFile(document: RoadmapDocument, number: number, format: RoadmapExportFormat) {
  return format === "json"
    ? {
        fileName: `${document.slug}-v${number}.json`,
        contentType: "application/json; charset=utf-8",
        body: serializeRoadmapJson(document),
      }
    : {
        fileName: `${document.slug}-v${number}.md`,
        contentType: "text/markdown; charset=utf-8",
        body: serializeRoadmapMarkdown(document),
      };
}


// ——— The editor ———

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Admin → "Roadmaps": every roadmap, archived ones last, with its latest published version and open draft. */
export async function listRoadmaps(): Promise<RoadmapListRow[]> {
  const roadmaps = await db.roadmap.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      archivedAt: true,
      versions: { orderBy: { number: "desc" }, select: { number: true, status: true, _count: { select: { cohorts: true } } } },
    },
  });
  return roadmaps.map((roadmap) => ({
    id: roadmap.id,
    slug: roadmap.slug,
    name: roadmap.name,
    archived: roadmap.archivedAt !== null,
    latestPublished: roadmap.versions.find((version) => version.status !== "draft")?.number ?? null,
    draftNumber: roadmap.versions.find((version) => version.status === "draft")?.number ?? null,
    cohortsUsing: roadmap.versions.reduce((sum, version) => sum + version._count.cohorts, 0),
  }));
}

export async function getRoadmapOverview(roadmapId: string): Promise<RoadmapOverview | null> {
  const roadmap = await db.roadmap.findUnique({
    where: { id: roadmapId },
    select: {
      id: true,
      slug: true,
      name: true,
      archivedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          title: true,
          publishedAt: true,
          changeSummary: true,
          publishedBy: { select: { name: true } },
          _count: { select: { cohorts: true } },
        },
      },
    },
  });
  if (!roadmap) return null;
  return {
    id: roadmap.id,
    slug: roadmap.slug,
    name: roadmap.name,
    archived: roadmap.archivedAt !== null,
    draftNumber: roadmap.versions.find((version) => version.status === "draft")?.number ?? null,
    versions: roadmap.versions.map((version) => ({
      id: version.id,
      number: version.number,
      status: version.status,
      title: version.title,
      publishedAt: iso(version.publishedAt),
      publishedBy: version.publishedBy?.name ?? null,
      cohorts: version._count.cohorts,
      changeSummary: version.changeSummary as ChangeSummary | null,
    })),
  };
}

const itemOrder = { orderBy: { position: "asc" } } as const;

const milestoneSelect = {
  id: true,
  phaseId: true,
  ...MILESTONE_CONTENT_SELECT,
  archivedAt: true,
  lockVersion: true,
} satisfies Prisma.MilestoneSelect;

const phaseSelect = {
  id: true,
  key: true,
  title: true,
  description: true,
  archivedAt: true,
  lockVersion: true,
} satisfies Prisma.PhaseSelect;

const projectSelect = { id: true, ...PROJECT_CONTENT_SELECT, archivedAt: true, lockVersion: true } satisfies Prisma.PortfolioProjectSelect;

const versionFieldsSelect = {
  title: true,
  summary: true,
  lockVersion: true,
  weeklyRule: { ...itemOrder, select: { text: true } },
  criteria: { ...itemOrder, select: { key: true, text: true } },
  notes: { ...itemOrder, select: { title: true, body: true } },
} satisfies Prisma.RoadmapVersionSelect;

type MilestoneRow = Prisma.MilestoneGetPayload<{ select: typeof milestoneSelect }>;
type PhaseRow = Prisma.PhaseGetPayload<{ select: typeof phaseSelect }>;
type ProjectRow = Prisma.PortfolioProjectGetPayload<{ select: typeof projectSelect }>;
type VersionFieldsRow = Prisma.RoadmapVersionGetPayload<{ select: typeof versionFieldsSelect }>;

export function toEditorMilestone({ archivedAt, resources, ...milestone }: MilestoneRow): EditorMilestone {
  return { ...milestone, resources: resources as RoadmapResource[], archived: archivedAt !== null };
}

export function toEditorPhase({ archivedAt, ...phase }: PhaseRow, milestones: EditorMilestone[]): EditorPhase {
  return { ...phase, archived: archivedAt !== null, milestones };
}

export function toEditorProject({ archivedAt, ...project }: ProjectRow): EditorProject {
  return { ...project, archived: archivedAt !== null };
}

function toVersionFields(version: VersionFieldsRow): EditorVersionFields {
  return {
    title: version.title,
    summary: version.summary,
    lockVersion: version.lockVersion,
    weeklyRule: version.weeklyRule.map((item) => item.text),
    criteria: version.criteria,
    notes: version.notes,
  };
}

export async function getMilestoneForEditor(id: string) {
  const row = await db.milestone.findUnique({ where: { id }, select: milestoneSelect });
  return row && toEditorMilestone(row);
}

export async function getPhaseForEditor(id: string) {
  const row = await db.phase.findUnique({ where: { id }, select: phaseSelect });
  return row && toEditorPhase(row, []);
}

export async function getProjectForEditor(id: string) {
  const row = await db.portfolioProject.findUnique({ where: { id }, select: projectSelect });
  return row && toEditorProject(row);
}

export async function getVersionFields(versionId: string, tx: Tx = db) {
  const row = await tx.roadmapVersion.findUnique({ where: { id: versionId }, select: versionFieldsSelect });
  return row && toVersionFields(row);
}

/** Milestone and project keys that learners have progress on, in any cohort following any version of the roadmap. */
export async function getKeysWithProgress(roadmapId: string, keys?: string[], tx: Tx = db): Promise<Set<string>> {
  const rows = await tx.progress.findMany({
    where: {
      ...(keys ? { itemKey: { in: keys } } : {}),
      membership: { cohort: { roadmapVersion: { roadmapId } } },
    },
    distinct: ["itemKey"],
    select: { itemKey: true },
  });
  return new Set(rows.map((row) => row.itemKey));
}

/**
 * How many learners (active memberships, any cohort following any version of the roadmap) completed an item — a
 * phase counts those who completed any of its milestones — read when an admin asks to archive it. Null for an
 * unknown item.
 */
export async function getItemCompletions(kind: "phase" | "milestone" | "project", id: string): Promise<number | null> {
  const item =
    kind === "phase"
      ? await db.phase.findUnique({ where: { id }, select: { roadmapVersion: { select: { roadmapId: true } }, milestones: { select: { key: true } } } })
      : kind === "milestone"
        ? await db.milestone.findUnique({ where: { id }, select: { key: true, roadmapVersion: { select: { roadmapId: true } } } })
        : await db.portfolioProject.findUnique({ where: { id }, select: { key: true, roadmapVersion: { select: { roadmapId: true } } } });
  if (!item) return null;
  const keys = "milestones" in item ? item.milestones.map((milestone) => milestone.key) : [item.key];
  const rows = await db.progress.findMany({
    where: {
      itemKey: { in: keys },
      status: { in: ["approved", "done"] },
      membership: { role: "learner", removedAt: null, cohort: { roadmapVersion: { roadmapId: item.roadmapVersion.roadmapId } } },
    },
    distinct: ["membershipId"],
    select: { membershipId: true },
  });
  return rows.length;
}

/** The latest published (or retired) version before `number`: what a draft is compared with. */
export async function getPreviousVersion(roadmapId: string, number: number, tx: Tx = db) {
  return tx.roadmapVersion.findFirst({
    where: { roadmapId, number: { lt: number }, status: { not: "draft" } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
}

/** The live (not archived) content of loaded editor rows, as the document getRoadmapDocument would read. */
function liveDocument(fields: EditorVersionFields, slug: string, phases: EditorPhase[], projects: EditorProject[]): RoadmapDocument {
  const live = <T extends { archived: boolean }>(items: T[]) => items.filter((item) => !item.archived);
  return {
    title: fields.title,
    slug,
    summary: fields.summary,
    phases: live(phases).map(({ key, title, description, milestones }) => ({
      key,
      title,
      description,
      milestones: live(milestones).map(({ id: _id, phaseId: _phaseId, archived: _archived, lockVersion: _lock, ...milestone }) => milestone),
    })),
    projects: live(projects).map(({ id: _id, archived: _archived, lockVersion: _lock, ...project }) => project),
    weeklyRule: fields.weeklyRule,
    criteria: fields.criteria,
    notes: fields.notes,
  };
}

/** Everything the editor shows for one version, archived items included, in a constant number of statements. */
export async function getEditorVersion(roadmapId: string, number: number): Promise<EditorVersion | null> {
  const version = await db.roadmapVersion.findUnique({
    where: { roadmapId_number: { roadmapId, number } },
    select: {
      ...versionFieldsSelect,
      id: true,
      number: true,
      status: true,
      publishedAt: true,
      changeSummary: true,
      publishedBy: { select: { name: true } },
      roadmap: {
        select: { slug: true, versions: { orderBy: { number: "desc" }, select: { number: true, status: true } } },
      },
      phases: { ...itemOrder, select: { ...phaseSelect, milestones: { ...itemOrder, select: milestoneSelect } } },
      projects: { ...itemOrder, select: projectSelect },
    },
  });
  if (!version) return null;
  const status = version.status as VersionStatus;
  const fields = toVersionFields(version);
  const phases = version.phases.map(({ milestones, ...phase }) => toEditorPhase(phase, milestones.map(toEditorMilestone)));
  const projects = version.projects.map(toEditorProject);
  const [lockedKeys, previous] = await Promise.all([getKeysWithProgress(roadmapId), getPreviousVersion(roadmapId, number)]);
  // A draft's summary is computed now, against the version before it; a published one shows what was stored.
  const compared =
    status === "draft"
      ? { previous: previous ? await getRoadmapDocument(previous.id) : null, next: liveDocument(fields, version.roadmap.slug, phases, projects) }
      : null;
  const changeSummary = compared ? diffDocuments(compared.previous, compared.next) : (version.changeSummary as ChangeSummary | null);
  const draft = version.roadmap.versions.find((other) => other.status === "draft");
  return {
    ...fields,
    id: version.id,
    roadmapId,
    roadmapSlug: version.roadmap.slug,
    number: version.number,
    status,
    publishedAt: iso(version.publishedAt),
    publishedBy: version.publishedBy?.name ?? null,
    phases,
    projects,
    lockedKeys: [...lockedKeys],
    previousNumber: previous?.number ?? null,
    changeSummary,
    changes: compared ? diffVersions(compared.previous, compared.next) : null,
    draftNumber: draft && draft.number !== version.number ? draft.number : null,
    latestNumber: version.roadmap.versions[0]?.number ?? version.number,
  };
}
